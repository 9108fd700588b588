package org.anteroom.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.anteroom.directory.User;
import org.anteroom.directory.UserRules;
import org.anteroom.directory.Users;
import org.anteroom.mail.Mail;
import org.anteroom.mail.Mailer;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.Secrets;
import org.anteroom.platform.TooManyAttemptsException;

/**
 * Email one-time codes: 8 random digits, valid 15 minutes, mailed to the address and kept only as a
 * salted digest under the server pepper. At most 3 sends per address per 15 minutes and 5 guesses
 * per code; a code opens at most one login. Every failed redemption gets the same answer, so it
 * cannot tell an unknown address from a wrong code.
 */
@Stateless
public class OtpChallenges {

    static final Duration VALIDITY = Duration.ofMinutes(15);
    static final Duration SEND_WINDOW = Duration.ofMinutes(15);
    static final int SENDS_PER_WINDOW = 3;
    static final int GUESSES = 5;
    private static final String REFUSED = "Invalid or expired code";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    Users users;

    @Inject
    Pepper pepper;

    @Inject
    Mailer mailer;

    @Inject
    LoginTokens loginTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    /** What a redeemed code yields: the proven address, the name to show, and a login token for them. */
    public record Redeemed(String email, String name, String token, Identity identity) {}

    /** Replaces the address's code with a new one and mails it; nothing is kept if the mail fails. */
    public void send(String email, String displayName) {
        List<String> problems = new ArrayList<>();
        checkEmail(email, problems);
        checkName(displayName, "displayName", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String key = User.emailKey(email);
        OtpChallenge challenge = locked(key, email.trim());
        Instant now = clock.instant();
        if (challenge.sendsSince(now.minus(SEND_WINDOW), now) >= SENDS_PER_WINDOW) {
            throw new TooManyAttemptsException("Too many codes were requested for this address; try again later");
        }
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        String salt = HexFormat.of().formatHex(Secrets.randomBytes(16));
        challenge.replace(email.trim(), displayName.trim(), salt, digest(salt, code), now, now.plus(VALIDITY));
        em.flush();
        mailer.send(new Mail(
                email.trim(),
                "Your sign-in code",
                "Hello " + displayName.trim() + ",\n\n"
                        + "Your one-time sign-in code is " + code + ".\n"
                        + "It is valid for " + VALIDITY.toMinutes() + " minutes and can be used once.\n\n"
                        + "If you did not ask for it, you can ignore this message.\n"));
    }

    /**
     * Redeems a code for a login token. The guess is counted in its own transaction, so a wrong code
     * uses up one of the five guesses even though this call then fails.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Redeemed redeem(String code, String email, String name, String clientAddress) {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches("[0-9]{8}")) {
            problems.add("p must be exactly 8 digits");
        }
        checkEmail(email, problems);
        checkName(name, "n", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        throttle.checkAddress(clientAddress);
        Optional<String> proven = self.getBusinessObject(OtpChallenges.class).attempt(User.emailKey(email), code);
        if (proven.isEmpty()) {
            throw refused(clientAddress);
        }
        String uuid = users.byEmail(proven.get())
                .filter(User::emailProven)
                .flatMap(User::uuid)
                .orElseGet(() -> UUID.randomUUID().toString());
        String shownName = name.trim();
        String token = loginTokens.issueForEmail(proven.get(), shownName, uuid);
        return new Redeemed(proven.get(), shownName, token, loginTokens.verify(token));
    }

    /** Checks one guess under the challenge's row lock: two racing guesses of the right code, one wins. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> attempt(String emailKey, String code) {
        OtpChallenge challenge = em.find(OtpChallenge.class, emailKey, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null || !challenge.redeemableAt(clock.instant(), GUESSES)) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(
                challenge.codeDigest().getBytes(StandardCharsets.US_ASCII),
                digest(challenge.salt(), code).getBytes(StandardCharsets.US_ASCII))) {
            challenge.failedAttempt();
            return Optional.empty();
        }
        challenge.consume();
        return Optional.of(challenge.email());
    }

    /** The address's challenge row, locked; created (empty) first if the address never had one. */
    private OtpChallenge locked(String key, String email) {
        OtpChallenge challenge = em.find(OtpChallenge.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null) {
            try {
                self.getBusinessObject(OtpChallenges.class).createEmpty(key, email);
            } catch (ConcurrentChangeException raced) {
                // A racing send created it; lock that one.
            }
            challenge = em.find(OtpChallenge.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        return challenge;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createEmpty(String key, String email) {
        try {
            em.persist(new OtpChallenge(key, email, clock.instant()));
            em.flush();
        } catch (PersistenceException e) {
            throw new ConcurrentChangeException("The challenge was created by another request");
        }
    }

    private NotAuthenticatedException refused(String clientAddress) {
        throttle.failedAddress(clientAddress);
        return new NotAuthenticatedException(REFUSED);
    }

    private String digest(String salt, String code) {
        return pepper.digest("otp", salt + ":" + code);
    }

    private static void checkEmail(String email, List<String> problems) {
        if (email == null || !UserRules.validEmail(email.trim())) {
            problems.add("A valid email address is required");
        }
    }

    private static void checkName(String name, String field, List<String> problems) {
        if (name == null || name.trim().length() < 2 || name.trim().length() > 200) {
            problems.add(field + " must have between 2 and 200 characters");
        }
        UserRules.printable(name, field, problems);
    }
}
