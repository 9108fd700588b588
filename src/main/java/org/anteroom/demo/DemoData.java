package org.anteroom.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.access.PasswordHashing;
import org.anteroom.access.Pepper;
import org.anteroom.directory.Facility;
import org.anteroom.directory.Organization;
import org.anteroom.directory.Permission;
import org.anteroom.directory.Permissions;
import org.anteroom.directory.Role;
import org.anteroom.directory.User;
import org.anteroom.directory.UserStatus;
import org.anteroom.platform.Settings;
import org.anteroom.platform.StartupLock;
import org.anteroom.rooms.Room;
import org.anteroom.rooms.Shortnames;

/** Loads the demo data set at startup (see the package documentation for when). */
@Startup
@Singleton
@DependsOn({"Database", "Pepper"})
public class DemoData {

    /** Every demo user's password; README.md says so. */
    public static final String PASSWORD = "anteroom-demo";
    /** The demo users below, each with a hash of its own of {@link #PASSWORD}. */
    private static final int USERS = 6;

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Pepper pepper;

    @Inject
    Clock clock;

    @PostConstruct
    void load() {
        if (!Settings.demo() || em.find(Organization.class, "UNC") != null) {
            return;
        }
        // The slow part, the users' password hashes, before the lock: a node that starts at the same moment waits
        // for the inserts only (H2 gives up waiting after LOCK_TIMEOUT).
        PasswordHashing hashing = new PasswordHashing();
        Iterator<String> hashes = Stream.generate(() -> hashing.hash(PASSWORD))
                .limit(USERS)
                .toList()
                .iterator();
        StartupLock.hold(em, StartupLock.INSTALLATION);
        if (em.find(Organization.class, "UNC") != null) {
            return; // another node loaded it meanwhile
        }
        Instant now = clock.instant();
        Organization unc = persist(new Organization("UNC", "UNC", 1));
        persist(new Organization("Another1", "Another Organization", 2));

        persist(new Facility("NorthEastern", unc, "North Eastern", 1, true, true, true));
        persist(new Facility("Vidant", unc, "Vidant", 2, false, false, false));
        Facility uncFacility = persist(new Facility("UNC", unc, "UNC", 3, true, false, true));

        List<Permission> catalogue = List.of(
                persist(new Permission(50, Permissions.CREATE_USER, unc)),
                persist(new Permission(51, Permissions.LIST_USERS_FROM_ALL_ORGANIZATIONS, unc)),
                persist(new Permission(52, Permissions.LIST_USERS_FROM_CURRENT_ORGANIZATION, unc)),
                persist(new Permission(53, Permissions.LIST_USERS_FROM_CURRENT_FACILITY, unc)),
                persist(new Permission(54, Permissions.READ_USER, unc)),
                persist(new Permission(55, Permissions.UPDATE_USER, unc)),
                persist(new Permission(56, Permissions.DELETE_USER, unc)),
                // The spec's sample shows this one without an organization.
                persist(new Permission(58, Permissions.LIST_PATIENTS_FROM_CURRENT_FACILITY, null)),
                persist(new Permission(59, Permissions.ROOMS_CREATE, unc)),
                persist(new Permission(60, Permissions.ROOM_KICK, unc)),
                persist(new Permission(61, Permissions.MANAGE_ORGANIZATIONS, unc)),
                persist(new Permission(62, Permissions.MANAGE_FACILITIES, unc)),
                persist(new Permission(63, Permissions.MANAGE_ROLES, unc)),
                persist(new Permission(64, Permissions.MANAGE_ROOMS, unc)));
        Role admin = persist(new Role(1, unc, "admin", ""));
        admin.permissions().addAll(catalogue);
        Role pod = persist(new Role(2, unc, "pod", ""));
        catalogue.stream().filter(p -> p.id() == 54 || p.id() == 58).forEach(pod.permissions()::add);

        for (String code : List.of("a", "b", "c", "d", "e", "f", "g")) {
            persist(new Room(
                            UUID.randomUUID().toString(),
                            uncFacility,
                            "pod" + code,
                            "Pod " + code.toUpperCase(java.util.Locale.ROOT),
                            now))
                    .giveShortname(Shortnames.next());
        }

        user("superadmin", "superadmin", "Super", "Admin", "superadmin@unc.example", admin, uncFacility, hashes, now);
        user("sigal", "sigal", "Sigal", "Admin", "sigal@unc.example", admin, uncFacility, hashes, now);
        user(
                "chargenurse",
                "username-charge",
                "Charge",
                "Nurse",
                "chargenurse@unc.example",
                admin,
                uncFacility,
                hashes,
                now);
        user("poda", "3", "Pod", "A", "poda@unc.example", pod, uncFacility, hashes, now)
                .changeTagDigest(pepper.tagDigest("poda"), now);
        user("podb", "10", "Pod", "B", "podb@unc.example", pod, uncFacility, hashes, now);
        user("354a7aae-ac06-4892-ac61-ce302351eb35", "username-e", "e", "e", "e@e.com", pod, uncFacility, hashes, now);
        LOG.info("Loaded the demo data set (its shared password is documented in README.md)");
    }

    private User user(
            String id,
            String username,
            String firstName,
            String lastName,
            String email,
            Role role,
            Facility facility,
            Iterator<String> hashes,
            Instant now) {
        User user = new User(id, username, now);
        user.rename(firstName, lastName, now);
        user.changeEmail(email, now);
        user.proveEmail(); // seeded by the installation: vouched for
        user.place(facility.organization(), facility, role, now);
        user.changePasswordHash(hashes.next(), now);
        user.changeStatus(UserStatus.ACTIVE, now);
        return persist(user);
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }
}
