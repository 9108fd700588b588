package org.anteroom.access;

import static org.anteroom.directory.UserRules.abbreviate;
import static org.anteroom.directory.UserRules.mandatory;
import static org.anteroom.directory.UserRules.present;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.anteroom.directory.Facility;
import org.anteroom.directory.Grants;
import org.anteroom.directory.Organization;
import org.anteroom.directory.Permissions;
import org.anteroom.directory.Role;
import org.anteroom.directory.User;
import org.anteroom.directory.UserForm;
import org.anteroom.directory.UserRules;
import org.anteroom.directory.UserStatus;
import org.anteroom.directory.UserView;
import org.anteroom.directory.Users;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The life of a user account with its credentials: registration, update, deactivation, and whether
 * an identifier is free. Every rule is checked before anything is written; the database's unique
 * constraints and the user's version column settle the races the checks cannot see, and both are
 * turned into the same clean messages.
 */
@Stateless
public class Accounts {

    /** SQL states: unique violation (H2 and PostgreSQL), lock timeout (H2), deadlock/serialization, lock not available. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Set<String> CONTENTION = Set.of("HYT00", "40001", "40P01", "55P03");
    private static final String CHANGED_CONCURRENTLY =
            "The user was changed by another request at the same time; reload it and try again";

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Pepper pepper;

    @Inject
    SecurityTokens tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    PresenceSessions sessions;

    @Inject
    EmailProofs proofs;

    @Inject
    Event<AccessEvent> events;

    @Inject
    Clock clock;

    private final PasswordHashing hashing = new PasswordHashing();

    /** The attributes {@code userAttributeAvailable} can check. */
    public enum Attribute {
        TAG_ID, EMAIL, USERNAME, PIN
    }

    private record Placement(Organization organization, Facility facility, Role role, UserStatus status) {
    }

    /**
     * Registers a user. {@code callerId} is null for a temporal token (self-registration): the new
     * user is then PENDING, always. A caller with a user token needs {@code create_user}.
     */
    public UserView register(String callerId, UserForm form, UnaryOperator<String> proofLink) {
        User caller = callerId == null ? null : users.user(callerId);
        if (caller != null && !caller.holds(Permissions.CREATE_USER)) {
            throw new NotPermittedException("Not allowed to create users");
        }

        List<String> problems = new ArrayList<>();
        names(form, problems);
        if (mandatory(form.username(), "Username", problems)) {
            UserRules.name(form.username(), "Username", problems);
            taken(Attribute.USERNAME, form.username(), null, problems);
        }
        if (mandatory(form.email(), "Email", problems)) {
            email(form.email(), null, problems);
        }
        if (mandatory(form.password(), "Password", problems)) {
            password(form, problems);
        }
        Placement placement = placement(form, false, problems);
        secrets(form, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (caller == null && placement.status() != null && placement.status() != UserStatus.PENDING) {
            throw new NotPermittedException("A self-registration cannot choose a status; new users are PENDING");
        }
        if (caller != null && !Grants.canCreateIn(caller, placement.organization().id())) {
            throw new NotPermittedException("Not allowed to create users in organization '"
                    + placement.organization().id() + "'");
        }

        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        User user = new User(id, form.username().trim(), now);
        user.assignUuid(id);
        user.rename(form.firstName().trim(), form.lastName().trim(), now);
        user.changeEmail(form.email().trim(), now);
        if (caller != null) {
            user.proveEmail(); // an administrator entered it: vouched for
        }
        user.place(placement.organization(), placement.facility(), placement.role(), now);
        user.changeStatus(placement.status() == null ? UserStatus.PENDING : placement.status(), now);
        user.changePasswordHash(hashing.hash(form.password()), now);
        applySecrets(user, form, now);
        em.persist(user);
        flush(form);
        if (caller == null) {
            proofs.request(user, proofLink);
        }
        return UserView.of(user);
    }

    /**
     * Updates a user's record. Anyone may update their own names and credentials (proving the
     * current password to change email, password, pin or tag id); organization, facility, role and
     * status are for callers with {@code update_user}.
     */
    public UserView update(String callerId, String targetId, UserForm form, String address,
            UnaryOperator<String> proofLink) {
        User caller = users.user(callerId);
        User target = find(targetId);
        boolean self = caller.id().equals(target.id());
        String currentOrganization = target.organization().map(Organization::id).orElse(null);
        boolean manager = Grants.canManage(caller, currentOrganization);
        if (!self && !manager) {
            throw new NotPermittedException("Not allowed to update this user");
        }

        List<String> problems = new ArrayList<>();
        names(form, problems);
        if (present(form.username()) && !form.username().trim().equals(target.username())) {
            problems.add("Username cannot be changed");
        }
        boolean emailChange = present(form.email())
                && !User.emailKey(form.email()).equals(User.emailKey(target.email()));
        if (emailChange) {
            email(form.email(), target.id(), problems);
        }
        if (present(form.password())) {
            password(form, problems);
        }
        Placement placement = placement(form, true, problems);
        secrets(form, target.id(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        if (!manager && movesOrPromotes(target, placement)) {
            throw new NotPermittedException("Only an administrator may change organization, facility, role or status");
        }
        if (manager && !Grants.canManage(caller, placement.organization().id())) {
            throw new NotPermittedException("Not allowed to move users to organization '"
                    + placement.organization().id() + "'");
        }
        boolean credentialChange = emailChange || present(form.password()) || present(form.pin()) || present(form.tagId());
        if (self && credentialChange) {
            provePassword(target, form.passwordValidation(), address);
        }

        Instant now = clock.instant();
        target.rename(form.firstName().trim(), form.lastName().trim(), now);
        if (emailChange) {
            target.changeEmail(form.email().trim(), now);
            if (!self) {
                target.proveEmail(); // an administrator of the user entered it: vouched for
            }
        }
        if (present(form.password())) {
            target.changePasswordHash(hashing.hash(form.password()), now);
            target.revokeTokens();
        }
        applySecrets(target, form, now);
        target.place(placement.organization(), placement.facility(), placement.role(), now);
        boolean disabled = changeStatus(target, placement.status(), now);
        if (present(form.password()) && !disabled) {
            // A suspension in the same update says more: it announces itself.
            events.fire(new AccessEvent.CredentialsChanged(target.id()));
        }
        flush(form);
        if (emailChange && self) {
            proofs.request(target, proofLink);
        }
        return UserView.of(target);
    }

    /** Sets a user INACTIVE and ends all its sessions, exactly like an update to INACTIVE. */
    public void deactivate(String callerId, String targetId) {
        User caller = users.user(callerId);
        User target = find(targetId);
        if (!Grants.canDeactivate(caller, target)) {
            throw new NotPermittedException("Not allowed to deactivate this user");
        }
        changeStatus(target, UserStatus.INACTIVE, clock.instant());
        flush(null);
    }

    /**
     * Whether a value is free, compared exactly as the unique constraints compare (email ignoring
     * case, tag and pin by their digests). The holder is named only to a caller with a user token
     * allowed to read that user; {@code callerId} is null for a temporal token.
     */
    public Availability availability(String callerId, Attribute attribute, String value) {
        Optional<User> holder = holder(attribute, value);
        if (holder.isEmpty()) {
            return new Availability(true, null);
        }
        User caller = callerId == null ? null : users.user(callerId);
        boolean named = caller != null && Grants.canRead(caller, holder.get());
        return new Availability(false, named ? holder.get().id() : null);
    }

    // ---- rules -------------------------------------------------------------------------------

    private static void names(UserForm form, List<String> problems) {
        if (mandatory(form.firstName(), "First name", problems)) {
            UserRules.name(form.firstName(), "First name", problems);
        }
        if (mandatory(form.lastName(), "Last name", problems)) {
            UserRules.name(form.lastName(), "Last name", problems);
        }
    }

    private void email(String email, String exceptUserId, List<String> problems) {
        int before = problems.size();
        UserRules.email(email.trim(), problems);
        if (problems.size() == before) {
            taken(Attribute.EMAIL, email.trim(), exceptUserId, problems);
        }
    }

    private static void password(UserForm form, List<String> problems) {
        UserRules.secret(form.password(), "Password", problems);
        if (form.passwordConfirm() != null && !form.passwordConfirm().equals(form.password())) {
            problems.add("Password and password confirmation do not match");
        }
    }

    private void secrets(UserForm form, String exceptUserId, List<String> problems) {
        if (present(form.pin())) {
            int before = problems.size();
            UserRules.secret(form.pin(), "Pin", problems);
            if (problems.size() == before) {
                taken(Attribute.PIN, form.pin(), exceptUserId, problems);
            }
        }
        if (present(form.tagId())) {
            int before = problems.size();
            UserRules.secret(form.tagId(), "Tag id", problems);
            if (problems.size() == before) {
                taken(Attribute.TAG_ID, form.tagId(), exceptUserId, problems);
            }
        }
    }

    private Placement placement(UserForm form, boolean statusMandatory, List<String> problems) {
        Organization organization = null;
        if (mandatory(form.organization(), "Organization", problems)) {
            organization = em.find(Organization.class, form.organization().trim());
            if (organization == null) {
                problems.add("Organization '" + abbreviate(form.organization()) + "' does not exist");
            }
        }
        Facility facility = null;
        if (mandatory(form.facility(), "Facility", problems)) {
            facility = em.find(Facility.class, form.facility().trim());
            if (facility == null) {
                problems.add("Facility '" + abbreviate(form.facility()) + "' does not exist");
            } else if (organization != null && !facility.organization().id().equals(organization.id())) {
                problems.add("Facility '" + facility.id() + "' does not belong to organization '" + organization.id() + "'");
            }
        }
        Role role = null;
        if (mandatory(form.role(), "Role", problems)) {
            role = role(form.role());
            if (role == null) {
                problems.add("Role '" + abbreviate(form.role()) + "' does not exist");
            } else if (organization != null && !role.organization().id().equals(organization.id())) {
                problems.add("Role '" + role.id() + "' does not belong to organization '" + organization.id() + "'");
            }
        }
        UserStatus status = null;
        if (statusMandatory ? mandatory(form.status(), "Status", problems) : present(form.status())) {
            status = UserRules.status(form.status(), problems).orElse(null);
        }
        return new Placement(organization, facility, role, status);
    }

    private Role role(String id) {
        try {
            return em.find(Role.class, Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void taken(Attribute attribute, String value, String exceptUserId, List<String> problems) {
        holder(attribute, value)
                .filter(holder -> !holder.id().equals(exceptUserId))
                .ifPresent(holder -> problems.add(takenMessage(attribute, value)));
    }

    private static String takenMessage(Attribute attribute, String value) {
        return switch (attribute) {
            case USERNAME -> "Username '" + abbreviate(value.trim()) + "' is already taken";
            case EMAIL -> "Email '" + abbreviate(value.trim()) + "' is already taken";
            case TAG_ID -> "Tag id is already taken";
            case PIN -> "Pin is already taken";
        };
    }

    private Optional<User> holder(Attribute attribute, String value) {
        return switch (attribute) {
            case USERNAME -> users.byUsername(value.trim());
            case EMAIL -> users.byEmail(value);
            case TAG_ID -> users.byTagDigest(pepper.tagDigest(value));
            case PIN -> users.byPinDigest(pepper.pinDigest(value));
        };
    }

    private static boolean movesOrPromotes(User target, Placement placement) {
        return !Objects.equals(target.organization().map(Organization::id).orElse(null), placement.organization().id())
                || !Objects.equals(target.facility().map(Facility::id).orElse(null), placement.facility().id())
                || !Objects.equals(target.role().map(Role::id).orElse(null), placement.role().id())
                || target.status() != placement.status();
    }

    /** A user changing its own credentials proves the current password; guesses count as failed logins. */
    private void provePassword(User target, String passwordValidation, String address) {
        if (!present(passwordValidation)) {
            throw new InvalidInputException("Password validation is mandatory to change email, password, pin or tag id");
        }
        throttle.check(target.id(), address);
        if (!hashing.verify(passwordValidation, target.passwordHash())) {
            throttle.failed(target.id(), address);
            throw new InvalidInputException("Password validation failed");
        }
    }

    private void applySecrets(User user, UserForm form, Instant now) {
        if (present(form.pin())) {
            user.changePinDigest(pepper.pinDigest(form.pin()), now);
        }
        if (present(form.tagId())) {
            user.changeTagDigest(pepper.tagDigest(form.tagId()), now);
        }
    }

    /** @return true when the change disabled the account (and ended everything it held) */
    private boolean changeStatus(User user, UserStatus status, Instant now) {
        if (user.status() == status) {
            return false;
        }
        user.changeStatus(status, now);
        if (status == UserStatus.SUSPENDED || status == UserStatus.INACTIVE) {
            tokens.revokeAll(user.id());
            user.revokeTokens();
            sessions.endAll(user.id());
            events.fire(new AccessEvent.AccountDisabled(user.id(), user.uuid().orElse(null)));
            return true;
        }
        return false;
    }

    private User find(String id) {
        User user = id == null ? null : em.find(User.class, id);
        if (user == null) {
            throw new UnknownEntityException("User");
        }
        return user;
    }

    /**
     * Writes now, inside the request, so that a lost race surfaces here as a clean message: a unique
     * constraint hit by a concurrent registration, or a version bumped by a concurrent update.
     */
    private void flush(UserForm form) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException(CHANGED_CONCURRENTLY);
        } catch (PersistenceException e) {
            SQLException sql = sqlCause(e);
            String state = sql == null ? null : sql.getSQLState();
            if (UNIQUE_VIOLATION.equals(state) && form != null) {
                throw new InvalidInputException(uniqueMessage(sql.getMessage(), form));
            }
            if (state != null && CONTENTION.contains(state)) {
                throw new ConcurrentChangeException(CHANGED_CONCURRENTLY);
            }
            throw e;
        }
    }

    private static String uniqueMessage(String error, UserForm form) {
        String text = error.toLowerCase(Locale.ROOT);
        if (text.contains("app_user_username")) {
            return takenMessage(Attribute.USERNAME, form.username());
        }
        if (text.contains("app_user_email")) {
            return takenMessage(Attribute.EMAIL, form.email());
        }
        if (text.contains("app_user_tag")) {
            return takenMessage(Attribute.TAG_ID, "");
        }
        if (text.contains("app_user_pin")) {
            return takenMessage(Attribute.PIN, "");
        }
        return "A value of this user is already taken";
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
