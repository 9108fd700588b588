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
 *
 * <p>What is asked comes as a {@link UserDraft}, in the directory's terms; how a client spells its
 * fields, its statuses or a second copy of the password is the adapter's to translate.
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
     * The digests of a draft's pin and tag id, null for a value not given: the directory compares and
     * stores digests only, never the raw values.
     */
    public record Digests(String pin, String tag) {}

    private record Placement(Organization organization, Facility facility, Role role, UserStatus status) {}

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
     * Registers a user. {@code callerId} is null when nobody is signed in (a self-registration): the
     * new user is then PENDING, always. A signed-in caller needs {@code create_user}. The password is
     * hashed only once the draft passed every rule.
     */
    public User register(String callerId, UserDraft draft, Digests digests, Supplier<String> passwordHash) {
        User caller = callerId == null ? null : users.user(callerId);
        if (caller != null && !caller.holds(Permissions.CREATE_USER)) {
            throw new NotPermittedException("Not allowed to create users");
        }

        List<String> problems = new ArrayList<>();
        names(draft, problems);
        if (mandatory(draft.username(), "Username", problems)) {
            UserRules.name(draft.username(), "Username", problems);
            taken(UserAttribute.USERNAME, draft.username(), draft.username(), null, problems);
        }
        if (mandatory(draft.email(), "Email", problems)) {
            email(draft.email(), null, problems);
        }
        if (mandatory(draft.password(), "Password", problems)) {
            password(draft, problems);
        }
        Placement placement = placement(draft, false, problems);
        secrets(draft, digests, null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (caller == null && placement.status() != null && placement.status() != UserStatus.PENDING) {
            throw new NotPermittedException("A self-registration cannot choose a status; new users are PENDING");
        }
        if (caller != null
                && !Grants.canCreateIn(caller, placement.organization().id())) {
            throw new NotPermittedException("Not allowed to create users in organization '"
                    + placement.organization().id() + "'");
        }

        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        User user = new User(id, draft.username().trim(), now);
        user.assignUuid(id);
        user.rename(draft.firstName().trim(), draft.lastName().trim(), now);
        user.changeEmail(draft.email().trim(), now);
        if (caller != null) {
            user.proveEmail(); // an administrator entered it: vouched for
        }
        user.place(placement.organization(), placement.facility(), placement.role(), now);
        user.changeStatus(placement.status() == null ? UserStatus.PENDING : placement.status(), now);
        user.changePasswordHash(passwordHash.get(), now);
        applyDigests(user, digests, now);
        em.persist(user);
        write(draft);
        return user;
    }

    /**
     * Checks an update of a user's record. Anyone may update their own names and credentials;
     * organization, facility, role and status are for callers with {@code update_user}. Whoever
     * changes their own credentials must prove the current password before {@link #apply}.
     */
    public Update check(String callerId, String targetId, UserDraft draft, Digests digests) {
        User caller = users.user(callerId);
        User target = find(targetId);
        boolean self = caller.id().equals(target.id());
        String currentOrganization = target.organization().map(Organization::id).orElse(null);
        boolean manager = Grants.canManage(caller, currentOrganization);
        if (!self && !manager) {
            throw new NotPermittedException("Not allowed to update this user");
        }

        List<String> problems = new ArrayList<>();
        names(draft, problems);
        if (present(draft.username()) && !draft.username().trim().equals(target.username())) {
            problems.add("Username cannot be changed");
        }
        boolean emailChange =
                present(draft.email()) && !User.emailKey(draft.email()).equals(User.emailKey(target.email()));
        if (emailChange) {
            email(draft.email(), target.id(), problems);
        }
        if (present(draft.password())) {
            password(draft, problems);
        }
        Placement placement = placement(draft, true, problems);
        secrets(draft, digests, target.id(), problems);
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
        boolean credentialChange =
                emailChange || present(draft.password()) || present(draft.pin()) || present(draft.tagId());
        return new Update(target, self, emailChange, credentialChange, placement);
    }

    /**
     * Applies a checked update, not yet written ({@link #write}): {@code passwordHash} is the new
     * password's hash, null when the draft sets none.
     */
    public void apply(Update update, UserDraft draft, Digests digests, String passwordHash) {
        User target = update.target();
        Instant now = clock.instant();
        target.rename(draft.firstName().trim(), draft.lastName().trim(), now);
        if (update.emailChange()) {
            target.changeEmail(draft.email().trim(), now);
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
     * {@code draft} is the draft written, null for a change that sets no unique value.
     */
    public void write(UserDraft draft) {
        if (draft == null) {
            Constraints.flush(em, CHANGED_CONCURRENTLY, null);
            return;
        }
        Constraints.flush(
                em,
                CHANGED_CONCURRENTLY,
                "A value of this user is already taken",
                new Unique("app_user_username", takenMessage(UserAttribute.USERNAME, orEmpty(draft.username()))),
                new Unique("app_user_email", takenMessage(UserAttribute.EMAIL, orEmpty(draft.email()))),
                new Unique("app_user_tag", takenMessage(UserAttribute.TAG_ID, "")),
                new Unique("app_user_pin", takenMessage(UserAttribute.PIN, "")));
    }

    /**
     * Whether a value is free, compared exactly as the unique constraints compare (email ignoring
     * case, tag and pin by their digests, which is what {@code key} is for those two). The holder is
     * named only to a signed-in caller allowed to read that user; {@code callerId} is null when
     * nobody is signed in.
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

    private static void names(UserDraft draft, List<String> problems) {
        if (mandatory(draft.firstName(), "First name", problems)) {
            UserRules.name(draft.firstName(), "First name", problems);
        }
        if (mandatory(draft.lastName(), "Last name", problems)) {
            UserRules.name(draft.lastName(), "Last name", problems);
        }
    }

    private void email(String email, String exceptUserId, List<String> problems) {
        int before = problems.size();
        UserRules.email(email.trim(), problems);
        if (problems.size() == before) {
            taken(UserAttribute.EMAIL, email.trim(), email.trim(), exceptUserId, problems);
        }
    }

    private static void password(UserDraft draft, List<String> problems) {
        UserRules.secret(draft.password(), "Password", problems);
        if (draft.passwordMismatch()) {
            problems.add("Password and password confirmation do not match");
        }
    }

    private void secrets(UserDraft draft, Digests digests, String exceptUserId, List<String> problems) {
        if (present(draft.pin())) {
            int before = problems.size();
            UserRules.secret(draft.pin(), "Pin", problems);
            if (problems.size() == before) {
                taken(UserAttribute.PIN, digests.pin(), draft.pin(), exceptUserId, problems);
            }
        }
        if (present(draft.tagId())) {
            int before = problems.size();
            UserRules.secret(draft.tagId(), "Tag id", problems);
            if (problems.size() == before) {
                taken(UserAttribute.TAG_ID, digests.tag(), draft.tagId(), exceptUserId, problems);
            }
        }
    }

    private Placement placement(UserDraft draft, boolean statusMandatory, List<String> problems) {
        Organization organization = null;
        if (mandatory(draft.organization(), "Organization", problems)) {
            organization =
                    organizations.findOrganization(draft.organization().trim()).orElse(null);
            if (organization == null) {
                problems.add("Organization '" + abbreviate(draft.organization()) + "' does not exist");
            }
        }
        Facility facility = null;
        if (mandatory(draft.facility(), "Facility", problems)) {
            facility = organizations.findFacility(draft.facility().trim()).orElse(null);
            if (facility == null) {
                problems.add("Facility '" + abbreviate(draft.facility()) + "' does not exist");
            } else if (organization != null && !facility.organization().id().equals(organization.id())) {
                problems.add(
                        "Facility '" + facility.id() + "' does not belong to organization '" + organization.id() + "'");
            }
        }
        Role role = null;
        if (mandatory(draft.role(), "Role", problems)) {
            role = organizations.findRole(draft.role()).orElse(null);
            if (role == null) {
                problems.add("Role '" + abbreviate(draft.role()) + "' does not exist");
            } else if (organization != null && !role.organization().id().equals(organization.id())) {
                problems.add("Role '" + role.id() + "' does not belong to organization '" + organization.id() + "'");
            }
        }
        UserStatus status = null;
        String asked = draft.status() == null ? null : draft.status().given();
        if (statusMandatory ? mandatory(asked, "Status", problems) : present(asked)) {
            status = draft.status().named();
            if (status == null) {
                problems.add("Status '" + abbreviate(asked) + "' does not exist");
            }
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
        return !Objects.equals(
                        target.organization().map(Organization::id).orElse(null),
                        placement.organization().id())
                || !Objects.equals(
                        target.facility().map(Facility::id).orElse(null),
                        placement.facility().id())
                || !Objects.equals(
                        target.role().map(Role::id).orElse(null),
                        placement.role().id())
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
