package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Who may administer which part of the directory (docs/permissions.md), without a server. */
class AdminGrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Organization unc = new Organization("UNC", "UNC", 1);
    private final Organization other = new Organization("Another1", "Another Organization", 2);
    private final Facility uncFacility = new Facility("UNC", unc, "UNC", 1, true, false, true);

    @Test
    void manageOrganizationsReachesEveryOrganizationWithTheOtherPermissions() {
        User superAdmin = user(role(1, Permissions.MANAGE_ORGANIZATIONS, Permissions.MANAGE_ROLES));
        assertTrue(AdminGrants.canManageOrganizations(superAdmin));
        assertTrue(AdminGrants.canManage(superAdmin, Permissions.MANAGE_ROLES, "Another1"));
        assertFalse(
                AdminGrants.canManage(superAdmin, Permissions.MANAGE_FACILITIES, "Another1"),
                "each permission still has to be held");
        assertTrue(AdminGrants.canRead(superAdmin, "Another1"));
    }

    @Test
    void theOtherPermissionsReachTheCallersOwnOrganization() {
        User roomAdmin = user(role(2, Permissions.MANAGE_ROOMS));
        assertFalse(AdminGrants.canManageOrganizations(roomAdmin));
        assertTrue(AdminGrants.canManage(roomAdmin, Permissions.MANAGE_ROOMS, "UNC"));
        assertFalse(AdminGrants.canManage(roomAdmin, Permissions.MANAGE_ROOMS, "Another1"));
        assertFalse(AdminGrants.canManage(roomAdmin, Permissions.MANAGE_FACILITIES, "UNC"));
        assertTrue(AdminGrants.canRead(roomAdmin, "UNC"), "reading wherever it may change anything");
        assertFalse(AdminGrants.canRead(roomAdmin, "Another1"));
        assertFalse(AdminGrants.canRead(roomAdmin, null));
    }

    @Test
    void withoutAdminPermissionsNothingAndOnlyHeldPermissionsAreGranted() {
        User pod = user(role(3, Permissions.READ_USER));
        assertFalse(AdminGrants.canRead(pod, "UNC"));
        assertFalse(AdminGrants.canManage(pod, Permissions.MANAGE_ROLES, "UNC"));
        assertTrue(AdminGrants.canGrant(pod, Permissions.READ_USER));
        assertFalse(AdminGrants.canGrant(pod, Permissions.MANAGE_ORGANIZATIONS));
    }

    @Test
    void anAccountThatIsNotActiveHoldsNothing() {
        for (UserStatus status : List.of(UserStatus.PENDING, UserStatus.SUSPENDED, UserStatus.INACTIVE)) {
            User admin = user(role(4, Permissions.CATALOGUE.toArray(String[]::new)));
            admin.changeStatus(status, NOW);
            assertFalse(AdminGrants.canManageOrganizations(admin), status.name());
            assertFalse(AdminGrants.canRead(admin, "UNC"), status.name());
            assertFalse(AdminGrants.canGrant(admin, Permissions.READ_USER), status.name());
        }
    }

    @Test
    void theCatalogueNamesEveryPermissionOnce() {
        assertEquals(14, Permissions.CATALOGUE.size());
        assertEquals(Permissions.CATALOGUE.size(), new HashSet<>(Permissions.CATALOGUE).size());
        assertEquals(Permissions.MANAGE_ROOMS, Permissions.CATALOGUE.get(Permissions.CATALOGUE.size() - 1));
    }

    private Role role(long id, String... permissions) {
        Role role = new Role(id, unc, "role" + id, "");
        long permissionId = id * 100;
        for (String permission : permissions) {
            role.permissions().add(new Permission(permissionId++, permission, unc));
        }
        return role;
    }

    private User user(Role role) {
        User user = new User("u" + role.id(), "u" + role.id(), NOW);
        user.place(unc, uncFacility, role, NOW);
        user.changeStatus(UserStatus.ACTIVE, NOW);
        return user;
    }
}
