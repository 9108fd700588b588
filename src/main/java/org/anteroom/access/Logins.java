package org.anteroom.access;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.anteroom.directory.RoleView;
import org.anteroom.directory.User;
import org.anteroom.directory.UserView;
import org.anteroom.directory.Users;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.Meters;
import org.anteroom.platform.Secrets;

/**
 * Logging in to the legacy API with an NFC tag, a username or an email address. Unknown accounts
 * and wrong passwords are indistinguishable (same message, and a password hash is computed either
 * way so timing does not tell them apart); an account's status is revealed only to someone who
 * proved the credentials.
 */
@Stateless
public class Logins {

    /**
     * Login attempts, counted by the surface that took them (label {@code surface}: legacy, presence, bridge) and
     * {@code outcome}: {@code success}, or {@code refused} for any attempt that did not log in (wrong or unknown
     * credentials, an account that is not active, throttled, malformed).
     */
    public static final Meters.Metric METRIC =
            new Meters.Metric("anteroom_logins", "Login attempts by surface and outcome (success, refused)");

    /** The width of security_token.device_id. */
    static final int MAX_DEVICE_ID = 200;

    @Inject
    Users users;

    @Inject
    SecurityTokens tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Pepper pepper;

    /** Verifies against a decoy when the account does not exist, so both paths cost one hash. */
    @Inject
    Passwords hashing;

    public Login withTag(String tagId, String deviceId, String address) {
        requireDevice(deviceId);
        Optional<User> user = users.byTagDigest(pepper.tagDigest(tagId));
        String account = user.map(User::id).orElse("tag:" + Secrets.sha256(tagId));
        throttle.check(account, address);
        if (user.isEmpty()) {
            throttle.failed(account, address);
            throw new WrongCredentialsException();
        }
        return complete(user.get(), deviceId);
    }

    public Login withUsername(String username, String password, String deviceId, String address) {
        return withPassword(users.byUsername(username), "username:" + username, password, deviceId, address);
    }

    public Login withEmail(String email, String password, String deviceId, String address) {
        return withPassword(users.byEmail(email), "email:" + User.emailKey(email), password, deviceId, address);
    }

    private Login withPassword(
            Optional<User> user, String identifier, String password, String deviceId, String address) {
        requireDevice(deviceId);
        return complete(verified(user, identifier, password, address), deviceId);
    }

    /**
     * A chat bot's password grant (the bridge's OAuth endpoint): a username, or an email address,
     * and the password of an ACTIVE account. No legacy token is issued; the caller signs its own
     * ({@link AccessTokens#forBot}).
     */
    public BotPrincipal bot(String login, String password, String address) {
        Optional<User> user = login.indexOf('@') >= 0 ? users.byEmail(login) : users.byUsername(login);
        User found = verified(
                user, (login.indexOf('@') >= 0 ? "email:" : "username:") + User.emailKey(login), password, address);
        requireActive(found);
        return BotPrincipal.of(found);
    }

    private User verified(Optional<User> user, String identifier, String password, String address) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("Password is mandatory");
        }
        String account = user.map(User::id).orElse(identifier);
        throttle.check(account, address);
        String hash = user.map(User::passwordHash).orElse(null);
        boolean verified = hashing.verify(password, hash);
        if (!verified) {
            throttle.failed(account, address);
            throw new WrongCredentialsException();
        }
        User found = user.get();
        if (hashing.needsRehash(hash)) {
            hashing.rehash(password).ifPresent(rehashed -> users.locked(found).upgradePasswordHash(rehashed));
        }
        return found;
    }

    private Login complete(User user, String deviceId) {
        requireActive(user);
        // The row lock serializes two logins of one user, so a device never ends up with two tokens.
        User locked = users.locked(user);
        List<String> others = tokens.activeDevices(locked.id()).stream()
                .filter(device -> !device.equals(deviceId))
                .toList();
        return new Login(
                UserView.of(locked),
                locked.role().map(RoleView::of).orElse(null),
                tokens.issue(locked.id(), deviceId),
                others);
    }

    private static void requireActive(User user) {
        switch (user.status()) {
            case ACTIVE -> {}
            case PENDING -> throw new LoginRefusedException("User account is pending approval");
            case SUSPENDED -> throw new LoginRefusedException("User account is suspended");
            case INACTIVE -> throw new LoginRefusedException("User account is inactive");
        }
    }

    private static void requireDevice(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new InvalidInputException("Device id is mandatory");
        }
        if (deviceId.length() > MAX_DEVICE_ID) {
            throw new InvalidInputException("Device id must be at most " + MAX_DEVICE_ID + " characters");
        }
    }
}
