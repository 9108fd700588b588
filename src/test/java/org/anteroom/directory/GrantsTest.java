package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The permission matrix of the legacy user operations, without a server. */
class GrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Organization unc = new Organization("UNC", "UNC", 1);
    private final Organization other = new Organization("Another1", "Another Organization", 2);
    private final Facility uncFacility = new Facility("UNC", unc, "UNC", 1, true, false, true);
    private final Facility vidant = new Facility("Vidant", unc, "Vidant", 2, false, false, false);
    private final Facility otherFacility = new Facility("Far", other, "Far", 1, false, false, false);

    private final User admin = user(
            "admin",
            role(
                    1,
                    unc,
                    Permissions.CREATE_USER,
                    Permissions.UPDATE_USER,
                    Permissions.DELETE_USER,
                    Permissions.READ_USER,
                    Permissions.LIST_USERS_FROM_ALL_ORGANIZATIONS),
            uncFacility);
    private final User orgAdmin = user(
            "orgAdmin",
            role(
                    2,
                    unc,
                    Permissions.CREATE_USER,
                    Permissions.UPDATE_USER,
                    Permissions.DELETE_USER,
                    Permissions.LIST_USERS_FROM_CURRENT_ORGANIZATION),
            uncFacility);
    private final User pod = user("pod", role(3, unc, Permissions.READ_USER), uncFacility);
    private final User charge = user("charge", role(4, unc, Permissions.LIST_USERS_FROM_CURRENT_FACILITY), uncFacility);
    private final User stranger = user("stranger", role(5, other, Permissions.READ_USER), otherFacility);

    @Test
    void reading() {
        assertTrue(Grants.canRead(pod, pod), "own record always");
        assertTrue(Grants.canRead(charge, charge));
        assertTrue(Grants.canRead(pod, admin), "read_user within the organization");
        assertFalse(Grants.canRead(pod, stranger), "not across organizations");
        assertFalse(Grants.canRead(charge, pod), "no read_user");
        assertTrue(Grants.canRead(admin, stranger), "the all-organizations permission reads everywhere");
        assertFalse(Grants.canRead(stranger, pod));
    }

    @Test
    void listing() {
        assertTrue(Grants.canListAll(admin));
        assertFalse(Grants.canListAll(orgAdmin));
        assertTrue(Grants.canListOrganization(orgAdmin, unc));
        assertFalse(Grants.canListOrganization(orgAdmin, other));
        assertTrue(Grants.canListFacility(orgAdmin, vidant), "a facility of the own organization");
        assertTrue(Grants.canListFacility(charge, uncFacility), "the own facility");
        assertFalse(Grants.canListFacility(charge, vidant), "not another facility");
        assertFalse(Grants.canListFacility(pod, uncFacility));
        assertTrue(Grants.canListFacility(admin, otherFacility));
    }

    @Test
    void managing() {
        assertTrue(Grants.canCreateIn(orgAdmin, "UNC"));
        assertFalse(Grants.canCreateIn(orgAdmin, "Another1"));
        assertTrue(Grants.canCreateIn(admin, "Another1"));
        assertFalse(Grants.canCreateIn(pod, "UNC"));
        assertTrue(Grants.canManage(orgAdmin, "UNC"));
        assertFalse(Grants.canManage(orgAdmin, "Another1"));
        assertFalse(Grants.canManage(pod, "UNC"));
        assertTrue(Grants.canDeactivate(orgAdmin, pod));
        assertFalse(Grants.canDeactivate(orgAdmin, stranger));
        assertFalse(Grants.canDeactivate(pod, charge));
    }

    @Test
    void anAccountThatIsNotActiveHoldsNoPermission() {
        Facility facility = uncFacility;
        Role admin = role(
                1,
                unc,
                Permissions.LIST_USERS_FROM_ALL_ORGANIZATIONS,
                Permissions.CREATE_USER,
                Permissions.UPDATE_USER,
                Permissions.DELETE_USER);
        for (UserStatus status : new UserStatus[] {UserStatus.PENDING, UserStatus.SUSPENDED, UserStatus.INACTIVE}) {
            User user = user("u-" + status, admin, facility);
            user.changeStatus(status, NOW);
            assertFalse(Grants.canListAll(user), status.name());
            assertFalse(Grants.canCreateIn(user, "UNC"), status.name());
            assertFalse(Grants.canManage(user, "UNC"), status.name());
            assertTrue(user.staffFacility().isEmpty(), status.name());
        }
    }

    private static Role role(long id, Organization organization, String... permissions) {
        Role role = new Role(id, organization, "role" + id, "");
        long permissionId = id * 100;
        for (String permission : permissions) {
            role.permissions().add(new Permission(permissionId++, permission, organization));
        }
        return role;
    }

    private static User user(String id, Role role, Facility facility) {
        User user = new User(id, id, NOW);
        user.place(facility.organization(), facility, role, NOW);
        user.changeStatus(UserStatus.ACTIVE, NOW);
        return user;
    }
}
