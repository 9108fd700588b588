package org.anteroom.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person (or tool, or bot) known to Anteroom. Credentials are stored only as a password hash and
 * HMAC digests of the tag and pin; the raw values never reach this entity.
 */
@Entity
@Cacheable
@EntityListeners(UserChanges.class)
@Table(name = "app_user")
public class User {

    @Id
    private String id;

    private String username;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    /** Lower-cased email; the unique constraint lives on this column, so uniqueness ignores case. */
    @Column(name = "email_key")
    private String emailKey;

    /** Someone proved control of the address, or an authorized administrator vouched for it. */
    @Column(name = "email_proven")
    private boolean emailProven;

    /**
     * Raised to end the user's long-lived bearer tokens (bridge tokens carry the generation they were issued under).
     */
    @Column(name = "token_generation")
    private int tokenGeneration;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "tag_digest")
    private String tagDigest;

    @Column(name = "pin_digest")
    private String pinDigest;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "role_id")
    private Role role;

    @Enumerated(EnumType.STRING)
    private UserStatus status;

    /** The presence identity; assigned at creation, or at the first presence login of older users. */
    private String uuid;

    @Enumerated(EnumType.STRING)
    private Device device;

    @Enumerated(EnumType.STRING)
    @Column(name = "user_type")
    private UserType type;

    /** The method the user last logged in with, or wrote; a label only, never a grant. */
    @Enumerated(EnumType.STRING)
    @Column(name = "login_method")
    private LoginMethod method;

    /** The presence room the user is in now; an id rather than a relation, so directory does not depend on rooms. */
    @Column(name = "room_id")
    private String roomId;

    private Instant created;

    private Instant modified;

    @Version
    private long version;

    protected User() {}

    public User(String id, String username, Instant now) {
        this.id = id;
        this.username = username;
        this.status = UserStatus.PENDING;
        this.created = now;
        this.modified = now;
    }

    public static String emailKey(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    /** The name a chat bot knows this user by: the username, or the uuid of a presence-only user. */
    public String chatLogin() {
        return username != null ? username : uuid != null ? uuid : id;
    }

    /** The name chats show: the display name, else first and last name, else the login. */
    public String chatName() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return full.isEmpty() ? chatLogin() : full;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    /** Whether the address may link identities: proven by its owner or vouched for by an administrator. */
    public boolean emailProven() {
        return emailProven;
    }

    /** The key of the address when it may link identities (invitations, presence sign-in); empty while unproven. */
    public Optional<String> provenEmailKey() {
        return emailProven ? Optional.ofNullable(emailKey) : Optional.empty();
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    /** Only an ACTIVE account holds directory rights: facility staff, role permissions, bot tokens. */
    public boolean active() {
        return status == UserStatus.ACTIVE;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Optional<Organization> organization() {
        return Optional.ofNullable(organization);
    }

    public Optional<Facility> facility() {
        return Optional.ofNullable(facility);
    }

    /** The facility whose rooms the user may enter as staff: none unless the account is ACTIVE. */
    public Optional<Facility> staffFacility() {
        return active() ? facility() : Optional.empty();
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    public UserStatus status() {
        return status;
    }

    public Instant created() {
        return created;
    }

    public Instant modified() {
        return modified;
    }

    public Optional<String> uuid() {
        return Optional.ofNullable(uuid);
    }

    public Optional<Device> device() {
        return Optional.ofNullable(device);
    }

    public Optional<UserType> type() {
        return Optional.ofNullable(type);
    }

    public Optional<LoginMethod> method() {
        return Optional.ofNullable(method);
    }

    public Optional<String> roomId() {
        return Optional.ofNullable(roomId);
    }

    /** A permission of the user's role; an account that is not ACTIVE holds none. */
    public boolean holds(String permission) {
        return active() && role != null && role.grants(permission);
    }

    public void rename(String firstName, String lastName, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.displayName = (nullToEmpty(firstName) + " " + nullToEmpty(lastName)).trim();
        touch(now);
    }

    /**
     * A new address, unproven until {@link #proveEmail()}: only its owner's proof or an authorized
     * administrator's word links it to identities.
     */
    public void changeEmail(String email, Instant now) {
        this.email = email;
        this.emailKey = emailKey(email);
        this.emailProven = false;
        touch(now);
    }

    /** Someone proved control of the address (or an authorized administrator vouched for it). */
    public void proveEmail() {
        this.emailProven = true;
    }

    /**
     * Gives up an address its holder never proved, because its owner just proved it: the record keeps
     * everything else, the owner gets none of it.
     */
    public void releaseEmail(Instant now) {
        this.email = null;
        this.emailKey = null;
        this.emailProven = false;
        touch(now);
    }

    /** Every long-lived bearer token issued so far stops working. */
    public void revokeTokens() {
        this.tokenGeneration++;
    }

    public void place(Organization organization, Facility facility, Role role, Instant now) {
        this.organization = organization;
        this.facility = facility;
        this.role = role;
        touch(now);
    }

    public void changeStatus(UserStatus status, Instant now) {
        this.status = status;
        touch(now);
    }

    public void changePasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        touch(now);
    }

    /** Replaces a legacy or weaker hash of the same password; not a change the user made. */
    public void upgradePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void changeTagDigest(String tagDigest, Instant now) {
        this.tagDigest = tagDigest;
        touch(now);
    }

    public void changePinDigest(String pinDigest, Instant now) {
        this.pinDigest = pinDigest;
        touch(now);
    }

    public void assignUuid(String uuid) {
        if (this.uuid != null) {
            throw new IllegalStateException("A user's uuid never changes");
        }
        this.uuid = uuid;
    }

    /** The name presence shows; legacy first and last names stay as they were. */
    public void changeDisplayName(String displayName, Instant now) {
        this.displayName = displayName;
        touch(now);
    }

    /** What the client says about itself in presence: device, kind of participant, login method label. */
    public void describe(Device device, UserType type, LoginMethod method, Instant now) {
        this.device = device;
        this.type = type;
        this.method = method;
        touch(now);
    }

    /** Presence: the user is now in this room (null: in none). Not a profile change, so modified stays. */
    public void enterRoom(String roomId) {
        this.roomId = roomId;
    }

    private void touch(Instant now) {
        this.modified = now;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
