package org.anteroom.directory;

import static org.anteroom.directory.UserRules.abbreviate;
import static org.anteroom.directory.UserRules.mandatory;
import static org.anteroom.directory.UserRules.present;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Constraints;
import org.anteroom.platform.Constraints.Unique;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The record of a user's life: registration, update of names, address and placement (organization,
 * facility, role, status), deactivation, and whether an identifier is free. Every rule is checked
 * before anything is written; the database's unique constraints and the user's version column settle
 * the races the checks cannot see, and both give the same clean messages.
 *
 * <p>Credentials are not this package's business: {@code access} hashes passwords, digests pins and
 * tags with its server secret, proves the current password, and ends sessions and tokens when a
 * change disables an account. So it calls in here with the digests ready and the hash to come, and
 * an update is two steps ({@link #check}, then {@link #apply}) with the proof of the password between
 * them. Nothing here calls {@code access}: the dependency points one way.
 */
@Stateless
public class Registrations {

    static final String CHANGED_CONCURRENTLY =
            "The user was changed by another request at the same time; reload it and try again";

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Organizations organizations;

    @Inject
    Clock clock;

    /**
     * The digests of a form's pin and tag id, null for a value not sent: the directory compares and
     * stores digests only, never the raw values.
     */
    public record Digests(String pin, String tag) {
    }

    private record Placement(Organization organization, Facility facility, Role role, UserStatus status) {
    }

    /** An update that passed every rule and permission, not yet applied. */
    public static final class Update {

        private final User target;
        private final boolean self;
        private final boolean emailChange;
        private final boolean credentialChange;
        private final Placement placement;

        private Update(User target, boolean self, boolean emailChange, boolean credentialChange, Placement placement) {
            this.target = target;
            this.self = self;
            this.emailChange = emailChange;
            this.credentialChange = credentialChange;
            this.placement = placement;
        }

        /** The user to update, managed in the caller's transaction. */
        public User target() {
            return target;
        }

        /** Whether the caller updates its own record. */
        public boolean self() {
            return self;
        }

        public boolean emailChange() {
            return emailChange;
        }

        /** Whether it changes email, password, pin or tag id. */
        public boolean credentialChange() {
            return credentialChange;
        }

        /** Whether it suspends or deactivates an account that was not; ask before {@link Registrations#apply}. */
        public boolean disables() {
            return placement.status() != target.status()
                    && (placement.status() == UserStatus.SUSPENDED || placement.status() == UserStatus.INACTIVE);
        }
    }

    /**
     * Registers a user. {@code callerId} is null for a temporal token (self-registration): the new
     * user is then PENDING, always. A caller with a user token needs {@code create_user}. The password
     * is hashed only once the form passed every rule.
     */
    public User register(String callerId, UserForm form, Digests digests, Supplier<String> passwordHash) {
        User caller = callerId == null ? null : users.user(callerId);
        if (caller != null && !caller.holds(Permissions.CREATE_USER)) {
            throw new NotPermittedException("Not allowed to create users");
        }

        List<String> problems = new ArrayList<>();
        names(form, problems);
        if (mandatory(form.username(), "Username", problems)) {
            UserRules.name(form.username(), "Username", problems);
            taken(UserAttribute.USERNAME, form.username(), form.username(), null, problems);
        }
        if (mandatory(form.email(), "Email", problems)) {
            email(form.email(), null, problems);
        }
        if (mandatory(form.password(), "Password", problems)) {
            password(form, problems);
        }
        Placement placement = placement(form, false, problems);
        secrets(form, digests, null, problems);
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
        user.changePasswordHash(passwordHash.get(), now);
        applyDigests(user, digests, now);
        em.persist(user);
        write(form);
        return user;
    }

    /**
     * Checks an update of a user's record. Anyone may update their own names and credentials;
     * organization, facility, role and status are for callers with {@code update_user}. Whoever
     * changes their own credentials must prove the current password before {@link #apply}.
     */
    public Update check(String callerId, String targetId, UserForm form, Digests digests) {
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
        secrets(form, digests, target.id(), problems);
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
        return new Update(target, self, emailChange, credentialChange, placement);
    }

    /**
     * Applies a checked update, not yet written ({@link #write}): {@code passwordHash} is the new
     * password's hash, null when the form sets none.
     */
    public void apply(Update update, UserForm form, Digests digests, String passwordHash) {
        User target = update.target();
        Instant now = clock.instant();
        target.rename(form.firstName().trim(), form.lastName().trim(), now);
        if (update.emailChange()) {
            target.changeEmail(form.email().trim(), now);
            if (!update.self()) {
                target.proveEmail(); // an administrator of the user entered it: vouched for
            }
        }
        if (passwordHash != null) {
            target.changePasswordHash(passwordHash, now);
        }
        applyDigests(target, digests, now);
        Placement placement = update.placement;
        target.place(placement.organization(), placement.facility(), placement.role(), now);
        if (target.status() != placement.status()) {
            target.changeStatus(placement.status(), now);
        }
    }

    /**
     * Sets a user INACTIVE, not yet written ({@link #write}).
     *
     * @return the user when this disabled it, so the caller ends what it held; empty when it already was
     */
    public Optional<User> deactivate(String callerId, String targetId) {
        User caller = users.user(callerId);
        User target = find(targetId);
        if (!Grants.canDeactivate(caller, target)) {
            throw new NotPermittedException("Not allowed to deactivate this user");
        }
        if (target.status() == UserStatus.INACTIVE) {
            return Optional.empty();
        }
        target.changeStatus(UserStatus.INACTIVE, clock.instant());
        return Optional.of(target);
    }

    /**
     * Writes now, inside the request, so that a lost race surfaces here as a clean message: a unique
     * constraint hit by a concurrent registration, or a version bumped by a concurrent update.
     * {@code form} is the form written, null for a change that sets no unique value.
     */
    public void write(UserForm form) {
        if (form == null) {
            Constraints.flush(em, CHANGED_CONCURRENTLY, null);
            return;
        }
        Constraints.flush(em, CHANGED_CONCURRENTLY, "A value of this user is already taken",
                new Unique("app_user_username", takenMessage(UserAttribute.USERNAME, orEmpty(form.username()))),
                new Unique("app_user_email", takenMessage(UserAttribute.EMAIL, orEmpty(form.email()))),
                new Unique("app_user_tag", takenMessage(UserAttribute.TAG_ID, "")),
                new Unique("app_user_pin", takenMessage(UserAttribute.PIN, "")));
    }

    /**
     * Whether a value is free, compared exactly as the unique constraints compare (email ignoring
     * case, tag and pin by their digests, which is what {@code key} is for those two). The holder is
     * named only to a caller with a user token allowed to read that user; {@code callerId} is null
     * for a temporal token.
     */
    public Availability availability(String callerId, UserAttribute attribute, String key) {
        Optional<User> holder = holder(attribute, key);
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
            taken(UserAttribute.EMAIL, email.trim(), email.trim(), exceptUserId, problems);
        }
    }

    private static void password(UserForm form, List<String> problems) {
        UserRules.secret(form.password(), "Password", problems);
        if (form.passwordConfirm() != null && !form.passwordConfirm().equals(form.password())) {
            problems.add("Password and password confirmation do not match");
        }
    }

    private void secrets(UserForm form, Digests digests, String exceptUserId, List<String> problems) {
        if (present(form.pin())) {
            int before = problems.size();
            UserRules.secret(form.pin(), "Pin", problems);
            if (problems.size() == before) {
                taken(UserAttribute.PIN, digests.pin(), form.pin(), exceptUserId, problems);
            }
        }
        if (present(form.tagId())) {
            int before = problems.size();
            UserRules.secret(form.tagId(), "Tag id", problems);
            if (problems.size() == before) {
                taken(UserAttribute.TAG_ID, digests.tag(), form.tagId(), exceptUserId, problems);
            }
        }
    }

    private Placement placement(UserForm form, boolean statusMandatory, List<String> problems) {
        Organization organization = null;
        if (mandatory(form.organization(), "Organization", problems)) {
            organization = organizations.findOrganization(form.organization().trim()).orElse(null);
            if (organization == null) {
                problems.add("Organization '" + abbreviate(form.organization()) + "' does not exist");
            }
        }
        Facility facility = null;
        if (mandatory(form.facility(), "Facility", problems)) {
            facility = organizations.findFacility(form.facility().trim()).orElse(null);
            if (facility == null) {
                problems.add("Facility '" + abbreviate(form.facility()) + "' does not exist");
            } else if (organization != null && !facility.organization().id().equals(organization.id())) {
                problems.add("Facility '" + facility.id() + "' does not belong to organization '" + organization.id() + "'");
            }
        }
        Role role = null;
        if (mandatory(form.role(), "Role", problems)) {
            role = organizations.findRole(form.role()).orElse(null);
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

    /** Adds the "taken" message when another user holds {@code key}; {@code value} is what the message quotes. */
    private void taken(UserAttribute attribute, String key, String value, String exceptUserId, List<String> problems) {
        holder(attribute, key)
                .filter(holder -> !holder.id().equals(exceptUserId))
                .ifPresent(holder -> problems.add(takenMessage(attribute, value)));
    }

    private static String takenMessage(UserAttribute attribute, String value) {
        return switch (attribute) {
            case USERNAME -> "Username '" + abbreviate(value.trim()) + "' is already taken";
            case EMAIL -> "Email '" + abbreviate(value.trim()) + "' is already taken";
            case TAG_ID -> "Tag id is already taken";
            case PIN -> "Pin is already taken";
        };
    }

    /** An update need not send username or email; then no race can be about them. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private Optional<User> holder(UserAttribute attribute, String key) {
        return switch (attribute) {
            case USERNAME -> users.byUsername(key.trim());
            case EMAIL -> users.byEmail(key);
            case TAG_ID -> users.byTagDigest(key);
            case PIN -> users.byPinDigest(key);
        };
    }

    private static boolean movesOrPromotes(User target, Placement placement) {
        return !Objects.equals(target.organization().map(Organization::id).orElse(null), placement.organization().id())
                || !Objects.equals(target.facility().map(Facility::id).orElse(null), placement.facility().id())
                || !Objects.equals(target.role().map(Role::id).orElse(null), placement.role().id())
                || target.status() != placement.status();
    }

    private static void applyDigests(User user, Digests digests, Instant now) {
        if (digests.pin() != null) {
            user.changePinDigest(digests.pin(), now);
        }
        if (digests.tag() != null) {
            user.changeTagDigest(digests.tag(), now);
        }
    }

    private User find(String id) {
        User user = id == null ? null : em.find(User.class, id);
        if (user == null) {
            throw new UnknownEntityException("User");
        }
        return user;
    }
}
