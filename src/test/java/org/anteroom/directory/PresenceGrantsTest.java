package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Who may create rooms and kick members in presence, without a server. */
class PresenceGrantsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> BOTH = List.of(Permissions.ROOMS_CREATE, Permissions.ROOM_KICK);

    private final PresenceGrants grants = new PresenceGrants(Set.of("mil"), Set.of(LoginMethod.CAC));

    @Test
    void aCacLoginWithAMilAddressMayCreateRoomsAndKick() {
        assertEquals(BOTH, grants.permissions(user("major@army.mil", null), LoginMethod.CAC));
        assertEquals(BOTH, grants.permissions(user("clerk@mail.mil", null), LoginMethod.CAC));
        assertEquals(BOTH, grants.permissions(user("pilot@us.af.mil", null), LoginMethod.CAC));
        assertEquals(BOTH, grants.permissions(user("Major@ARMY.MIL", null), LoginMethod.CAC), "domains ignore case");
    }

    @Test
    void neitherTheMethodNorTheAddressAloneIsEnough() {
        assertEquals(List.of(), grants.permissions(user("someone@example.com", null), LoginMethod.CAC));
        assertEquals(List.of(), grants.permissions(user("major@army.mil", null), LoginMethod.GOOGLE));
        assertEquals(List.of(), grants.permissions(user("major@army.mil", null), null), "no session");
        assertEquals(List.of(), grants.permissions(user("fake@mil.example.com", null), LoginMethod.CAC));
        assertEquals(List.of(), grants.permissions(user("fake@armymil", null), LoginMethod.CAC));
        assertEquals(List.of(), grants.permissions(user(null, null), LoginMethod.CAC));
    }

    @Test
    void theWrittenMethodLabelGrantsNothing() {
        User user = user("major@army.mil", null);
        user.describe(null, null, LoginMethod.CAC, NOW);
        assertEquals(List.of(), grants.permissions(user, LoginMethod.GOOGLE));
    }

    @Test
    void aLegacyRoleGrantsButAnEmailLoginNeverCreatesRooms() {
        User admin = user("admin@unc.example", role(Permissions.ROOMS_CREATE, Permissions.ROOM_KICK));
        assertEquals(BOTH, grants.permissions(admin, LoginMethod.GOOGLE));
        assertEquals(BOTH, grants.permissions(admin, null), "the role holds without a session");
        assertEquals(List.of(Permissions.ROOM_KICK), grants.permissions(admin, LoginMethod.EMAIL));
        User kicker = user("kick@unc.example", role(Permissions.ROOM_KICK));
        assertEquals(List.of(Permissions.ROOM_KICK), grants.permissions(kicker, LoginMethod.APPLE));
    }

    @Test
    void theRuleIsConfigurable() {
        PresenceGrants custom = new PresenceGrants(Set.of("Example.org"), Set.of(LoginMethod.CAC, LoginMethod.APPLE));
        assertEquals(BOTH, custom.permissions(user("a@example.org", null), LoginMethod.APPLE));
        assertEquals(BOTH, custom.permissions(user("a@lab.example.org", null), LoginMethod.CAC));
        assertEquals(List.of(), custom.permissions(user("a@army.mil", null), LoginMethod.CAC));
        assertEquals(List.of(), custom.permissions(user("a@example.org", null), LoginMethod.EMAIL));
    }

    private static User user(String email, Role role) {
        User user = new User("u-" + email, null, NOW);
        user.changeEmail(email, NOW);
        if (role != null) {
            Organization unc = new Organization("UNC", "UNC", 1);
            user.place(unc, null, role, NOW);
        }
        user.changeStatus(UserStatus.ACTIVE, NOW);
        return user;
    }

    private static Role role(String... permissions) {
        Organization unc = new Organization("UNC", "UNC", 1);
        Role role = new Role(9, unc, "presence", "");
        long id = 900;
        for (String permission : permissions) {
            role.permissions().add(new Permission(id++, permission, unc));
        }
        return role;
    }
}
