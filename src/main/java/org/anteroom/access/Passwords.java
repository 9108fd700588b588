package org.anteroom.access;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import org.anteroom.platform.Settings;

/**
 * Every password hash the server computes (login, bot grant, registration, password change, proving
 * the current password) goes through here: Argon2id at the configured cost, bounded by
 * {@link HashingBound} so that a burst queues instead of exhausting memory, and answered with
 * {@link HashingBusyException} beyond the queue. The cost and the bound are read at start-up
 * (docs/admin.md); a cost below the OWASP floor refuses to start.
 *
 * <p>A login of an account that does not exist, or has no password, verifies against a decoy made
 * here at the same cost, so it takes as long as a wrong password and does not reveal which accounts
 * exist.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Passwords {

    private static final Logger LOG = Logger.getLogger(Passwords.class.getName());

    private PasswordHashing hashing;
    private HashingBound bound;
    private String decoy;

    public Passwords() {
        // for the container, which calls init()
    }

    /** For tests: a given cost and bound. */
    Passwords(PasswordHashing hashing, HashingBound bound) {
        use(hashing, bound);
    }

    @PostConstruct
    void init() {
        Argon2Cost cost = cost();
        int permits = (int)
                setting(AccessSettings.HASHING_PERMITS, Runtime.getRuntime().availableProcessors(), 1, 1_024);
        // Waiting costs a request thread, not hashing memory: 64 per permit keep the last one's wait near a
        // second and a half at 25 ms a hash, and admit the fifty racing registrations the black-box tests send.
        int queue = (int) setting(AccessSettings.HASHING_QUEUE, 64L * permits, 0, 100_000);
        long maxWait = setting(AccessSettings.HASHING_MAX_WAIT_MILLIS, 5_000, 0, 60_000);
        use(new PasswordHashing(cost, permits), new HashingBound(permits, queue, maxWait));
        LOG.info(() -> "Password hashing: Argon2id " + cost.phc() + ", at most " + permits + " at once (about "
                + (long) permits * cost.memoryKib() / 1024 + " MiB), " + queue + " more waiting up to " + maxWait
                + " ms");
    }

    private void use(PasswordHashing hashing, HashingBound bound) {
        this.hashing = hashing;
        this.bound = bound;
        this.decoy = hashing.decoy();
    }

    /** The configured Argon2id cost; anything below the OWASP floor stops the deployment, saying why. */
    static Argon2Cost cost() {
        long memory =
                setting(AccessSettings.ARGON2_MEMORY_KIB, Argon2Cost.DEFAULT.memoryKib(), 1, Argon2Cost.MAX_MEMORY_KIB);
        long iterations = setting(
                AccessSettings.ARGON2_ITERATIONS, Argon2Cost.DEFAULT.iterations(), 1, Argon2Cost.MAX_ITERATIONS);
        long parallelism = setting(
                AccessSettings.ARGON2_PARALLELISM, Argon2Cost.DEFAULT.parallelism(), 1, Argon2Cost.MAX_PARALLELISM);
        return checked(memory, iterations, parallelism);
    }

    static Argon2Cost checked(long memory, long iterations, long parallelism) {
        if (memory < 8 * parallelism) {
            throw new IllegalStateException(AccessSettings.ARGON2_MEMORY_KIB + " must be at least 8 KiB per lane of "
                    + AccessSettings.ARGON2_PARALLELISM + ", not " + memory + " for " + parallelism);
        }
        Argon2Cost cost = new Argon2Cost((int) memory, (int) iterations, (int) parallelism);
        if (!cost.meetsOwaspFloor()) {
            throw new IllegalStateException(AccessSettings.ARGON2_MEMORY_KIB + "=" + memory + " with "
                    + AccessSettings.ARGON2_ITERATIONS + "=" + iterations + " is below the OWASP minimum for Argon2id ("
                    + Argon2Cost.owaspFloor() + "); refusing to start");
        }
        return cost;
    }

    private static long setting(String key, long fallback, long min, long max) {
        long value = Settings.number(key, fallback);
        if (value < min || value > max) {
            throw new IllegalStateException(key + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A new Argon2id hash at the configured cost. */
    public String hash(String password) {
        return bound.run(() -> hashing.hash(password));
    }

    /**
     * Whether the password matches the stored hash. A null hash (no such account, or one without a
     * password) costs the same: the decoy is verified instead, and the answer is false.
     */
    public boolean verify(String password, String stored) {
        String against = stored == null ? decoy : stored;
        boolean matches = bound.run(() -> hashing.verify(password, against));
        return matches && stored != null;
    }

    /**
     * A new hash to replace an outdated one after a successful login, or empty when hashing is busy:
     * the password was right, so the login succeeds and a later one replaces the hash.
     */
    public Optional<String> rehash(String password) {
        try {
            return Optional.of(hash(password));
        } catch (HashingBusyException e) {
            return Optional.empty();
        }
    }

    /** See {@link PasswordHashing#needsRehash}: older algorithms and other costs are replaced at login. */
    public boolean needsRehash(String stored) {
        return hashing.needsRehash(stored);
    }

    String decoy() {
        return decoy;
    }
}
