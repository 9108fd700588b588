package org.anteroom.access;

import static org.anteroom.directory.UserRules.present;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.Organization;
import org.anteroom.directory.Permission;
import org.anteroom.directory.Permissions;
import org.anteroom.directory.Role;
import org.anteroom.directory.User;
import org.anteroom.directory.UserRules;
import org.anteroom.directory.UserStatus;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.Secrets;
import org.anteroom.platform.StartupLock;

/**
 * The first administrator of an empty installation (decision 0021): creating the organization, its
 * all-permissions role and the PENDING account with a one-time setup code ({@link #prepare}), and
 * redeeming that code for a password, which makes the account ACTIVE ({@link #redeem}). Codes are 256
 * random bits kept only as a SHA-256; a code works once, and until it expires.
 */
@Stateless
public class SetupCodes {

    private static final String REFUSED = "Invalid, expired or already used setup code";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Passwords hashing;

    @Inject
    LoginThrottle throttle;

    /** What the configuration asks for; checked by {@link FirstAdministrator} before it gets here. */
    public record Plan(
            String organizationId,
            String organizationName,
            String email,
            String username,
            String firstName,
            String lastName,
            Duration validity) {}

    /** What a start did. */
    public enum Outcome {
        /** An empty directory: organization, role and account created, a code to mail. */
        CREATED,
        /** The first administrator is still PENDING and its code expired (or was never mailed): a new code to mail. */
        RENEWED,
        /** The first administrator is still PENDING with a code that is still valid: nothing to do. */
        PENDING,
        /** The directory has organizations and no pending first administrator at this address: nothing to do. */
        NOT_NEEDED,
        /** An empty directory, but an account already holds the address or the username: nothing created. */
        TAKEN
    }

    /**
     * One start's step; {@code code} is set only when a mail must carry it, and the caller must
     * {@link #withdraw} it if that mail cannot be sent.
     */
    public record Step(Outcome outcome, String organizationId, String username, String code, Instant expires) {}

    /** What a redeemed code set up. */
    public record Completed(String userId, String username, String organizationId) {}

    /**
     * Looks at the directory under the start-up lock and does what it lacks. The lock row is locked
     * for the transaction, so a node that starts at the same time waits here and then finds the
     * organization made.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Step prepare(Plan plan) {
        StartupLock.hold(em, StartupLock.FIRST_ADMINISTRATOR);
        Instant now = clock.instant();
        long organizations = em.createQuery("select count(o) from Organization o", Long.class)
                .getSingleResult();
        if (organizations == 0) {
            return create(plan, now);
        }
        List<User> found = em.createQuery("select u from User u where u.emailKey = :key", User.class)
                .setParameter("key", User.emailKey(plan.email()))
                .getResultList();
        if (found.isEmpty()) {
            return new Step(Outcome.NOT_NEEDED, null, null, null, null);
        }
        User user = found.get(0);
        List<SetupCode> codes = codesOf(user.id());
        if (codes.isEmpty()) {
            return new Step(Outcome.NOT_NEEDED, null, user.username(), null, null);
        }
        if (user.status() != UserStatus.PENDING) {
            codes.forEach(em::remove); // set up otherwise meanwhile (an administrator activated it)
            return new Step(Outcome.NOT_NEEDED, null, user.username(), null, null);
        }
        String organizationId = user.organization().map(Organization::id).orElse(null);
        for (SetupCode code : codes) {
            if (code.liveAt(now)) {
                return new Step(Outcome.PENDING, organizationId, user.username(), null, code.expires());
            }
        }
        codes.forEach(em::remove);
        return issue(Outcome.RENEWED, organizationId, user, plan.validity(), now);
    }

    /** Whether the directory has no organization at all (read without the lock: it only decides a log line). */
    public boolean directoryEmpty() {
        return em.createQuery("select count(o) from Organization o", Long.class).getSingleResult() == 0;
    }

    private Step create(Plan plan, Instant now) {
        boolean taken = !em.createQuery(
                        "select u.id from User u where u.emailKey = :key or u.username = :username", String.class)
                .setParameter("key", User.emailKey(plan.email()))
                .setParameter("username", plan.username())
                .getResultList()
                .isEmpty();
        if (taken) {
            return new Step(Outcome.TAKEN, null, plan.username(), null, null);
        }
        Organization organization = new Organization(plan.organizationId(), plan.organizationName(), 1);
        em.persist(organization);
        long permissionId = next("select max(p.id) from Permission p");
        Role role = new Role(
                next("select max(r.id) from Role r"),
                organization,
                "administrator",
                "Every permission (made by the first-administrator bootstrap)");
        for (String name : Permissions.CATALOGUE) {
            Permission permission = new Permission(permissionId++, name, organization);
            em.persist(permission);
            role.permissions().add(permission);
        }
        em.persist(role);
        User user = new User(UUID.randomUUID().toString(), plan.username(), now);
        user.rename(plan.firstName(), plan.lastName(), now);
        user.changeEmail(plan.email(), now);
        user.proveEmail(); // vouched for by the installation, and the mailed code proves it again
        user.place(organization, null, role, now);
        em.persist(user);
        em.flush(); // the code refers to the user, which the provider does not know: write the user first
        return issue(Outcome.CREATED, organization.id(), user, plan.validity(), now);
    }

    private long next(String maxQuery) {
        Long max = em.createQuery(maxQuery, Long.class).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private Step issue(Outcome outcome, String organizationId, User user, Duration validity, Instant now) {
        String code = Secrets.newToken();
        Instant expires = now.plus(validity);
        em.persist(new SetupCode(Secrets.sha256(code), user.id(), now, expires));
        return new Step(outcome, organizationId, user.username(), code, expires);
    }

    /**
     * The mail carrying this code was not sent: it stops working at once, so that the next start mails a new one.
     * Expired, not deleted: {@link #prepare} renews the codes of the account the bootstrap made, and knows that
     * account by its codes.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void withdraw(String code) {
        SetupCode found = em.find(SetupCode.class, Secrets.sha256(code));
        if (found != null) {
            found.expire();
        }
    }

    /**
     * Sets the first administrator's password and activates the account, once per code. The password
     * follows the directory's rule; a wrong, expired or used code counts as a failed login of the
     * client's address (the login throttle), so guessing is refused early.
     */
    public Completed redeem(String code, String password, String address) {
        List<String> problems = new ArrayList<>();
        if (!present(code) || code.length() > 200) {
            problems.add("code is mandatory");
        }
        if (UserRules.mandatory(password, "Password", problems)) {
            UserRules.secret(password, "Password", problems);
            UserRules.printable(password, "Password", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle.checkAddress(address);
        // Locked: of two redeems of one code, the second waits here and then finds it gone.
        SetupCode setup = em.find(SetupCode.class, Secrets.sha256(code.trim()), LockModeType.PESSIMISTIC_WRITE);
        if (setup == null || !setup.liveAt(clock.instant())) {
            throttle.failedAddress(address);
            throw new InvalidInputException(REFUSED);
        }
        User user = em.find(User.class, setup.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null || user.status() != UserStatus.PENDING) {
            throttle.failedAddress(address);
            throw new InvalidInputException(REFUSED);
        }
        Instant now = clock.instant();
        user.changePasswordHash(hashing.hash(password), now);
        user.changeStatus(UserStatus.ACTIVE, now);
        codesOf(user.id()).forEach(em::remove);
        return new Completed(
                user.id(),
                user.username(),
                user.organization().map(Organization::id).orElse(null));
    }

    private List<SetupCode> codesOf(String userId) {
        return em.createQuery("select c from SetupCode c where c.userId = :user", SetupCode.class)
                .setParameter("user", userId)
                .getResultList();
    }
}
