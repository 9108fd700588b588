package org.anteroom.access;

import static org.anteroom.directory.UserRules.present;

import java.util.function.UnaryOperator;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.anteroom.directory.Availability;
import org.anteroom.directory.Registrations;
import org.anteroom.directory.Registrations.Digests;
import org.anteroom.directory.Registrations.Update;
import org.anteroom.directory.User;
import org.anteroom.directory.UserAttribute;
import org.anteroom.directory.UserDraft;
import org.anteroom.directory.UserView;
import org.anteroom.platform.InvalidInputException;

/**
 * The credentials side of a user account's life; the record itself (names, address, placement,
 * status, and every rule about them) is {@link Registrations}'. Here: hashing the password once the
 * draft passed those rules, digesting pin and tag with the server's pepper, proving the current
 * password before one's own credentials change, ending tokens, sessions and sockets when an account
 * is disabled or its password changes, and the mail that proves a new address. One transaction
 * covers both halves, so a refused request leaves nothing behind.
 */
@Stateless
public class Accounts {

    @Inject
    Registrations registrations;

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
    Passwords hashing;

    /**
     * Registers a user ({@link Registrations#register}); {@code callerId} is null for a temporal token.
     * A self-registered user is sent a mail to prove the address.
     */
    public UserView register(String callerId, UserDraft draft, UnaryOperator<String> proofLink) {
        User user = registrations.register(callerId, draft, digests(draft), () -> hashing.hash(draft.password()));
        if (callerId == null) {
            proofs.request(user, proofLink);
        }
        return UserView.of(user);
    }

    /**
     * Updates a user's record ({@link Registrations#check}). A user changing its own email,
     * password, pin or tag id proves the current password first: {@code currentPassword}, null
     * when none was given; {@code address} is the client's, for the login throttle.
     */
    public UserView update(
            String callerId,
            String targetId,
            UserDraft draft,
            String currentPassword,
            String address,
            UnaryOperator<String> proofLink) {
        Digests digests = digests(draft);
        Update update = registrations.check(callerId, targetId, draft, digests);
        User target = update.target();
        if (update.self() && update.credentialChange()) {
            provePassword(target, currentPassword, address);
        }
        boolean disables = update.disables();
        boolean passwordChange = present(draft.password());
        registrations.apply(update, draft, digests, passwordChange ? hashing.hash(draft.password()) : null);
        if (passwordChange) {
            target.revokeTokens();
        }
        if (disables) {
            disable(target);
        } else if (passwordChange) {
            // A suspension in the same update says more: it announces itself.
            events.fire(new AccessEvent.CredentialsChanged(target.id()));
        }
        registrations.write(draft);
        if (update.emailChange() && update.self()) {
            proofs.request(target, proofLink);
        }
        return UserView.of(target);
    }

    /** Sets a user INACTIVE and ends all its sessions, exactly like an update to INACTIVE. */
    public void deactivate(String callerId, String targetId) {
        registrations.deactivate(callerId, targetId).ifPresent(this::disable);
        registrations.write(null);
    }

    /**
     * Whether a value is free ({@link Registrations#availability}); a tag id or pin is compared by
     * its digest, as it is stored.
     */
    public Availability availability(String callerId, UserAttribute attribute, String value) {
        String key = switch (attribute) {
            case TAG_ID -> pepper.tagDigest(value);
            case PIN -> pepper.pinDigest(value);
            case USERNAME, EMAIL -> value;
        };
        return registrations.availability(callerId, attribute, key);
    }

    private Digests digests(UserDraft draft) {
        return new Digests(
                present(draft.pin()) ? pepper.pinDigest(draft.pin()) : null,
                present(draft.tagId()) ? pepper.tagDigest(draft.tagId()) : null);
    }

    /** A user changing its own credentials proves the current password; guesses count as failed logins. */
    private void provePassword(User target, String currentPassword, String address) {
        if (!present(currentPassword)) {
            throw new InvalidInputException(
                    "Password validation is mandatory to change email, password, pin or tag id");
        }
        throttle.check(target.id(), address);
        if (!hashing.verify(currentPassword, target.passwordHash())) {
            throttle.failed(target.id(), address);
            throw new InvalidInputException("Password validation failed");
        }
    }

    /** The account was just suspended or deactivated: everything it held ends, and the adapters hear of it. */
    private void disable(User user) {
        tokens.revokeAll(user.id());
        user.revokeTokens();
        sessions.endAll(user.id());
        events.fire(new AccessEvent.AccountDisabled(user.id()));
    }
}
