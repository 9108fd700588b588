package org.anteroom.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes in a self-describing form: Argon2id as a PHC string,
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (standard base64 without padding,
 * as the PHC string format and the Argon2 reference implementation write it), so the cost can change
 * later without breaking old hashes (docs/decisions/0015).
 *
 * <p>Two older forms still verify, and {@link #needsRehash} tells the caller to replace them at the
 * next successful login: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, this server's hash until
 * Argon2id, and {@code sha1$<hex>}, imported from the old PresentationServices database.
 *
 * <p>Only Bouncy Castle's low-level {@link Argon2BytesGenerator} is used; no JCE provider is
 * registered. This class does not bound how many hashes run at once: {@link Passwords} does.
 */
public class PasswordHashing {

    private static final String ARGON2ID = "argon2id";
    /** Argon2 version 1.3 (0x13), the only one written and read. */
    private static final int ARGON2_VERSION = 19;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final String LEGACY_SHA1 = "sha1";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** A parsed Argon2id PHC string. */
    record Phc(Argon2Cost cost, byte[] salt, byte[] hash) {}

    private final Argon2Cost cost;
    /**
     * Argon2's 1 KiB blocks, kept for reuse: without it every hash allocates its whole memory (19 MiB at the
     * default cost) as fresh garbage, and at a few dozen logins a second the collector, not the hash,
     * becomes the bound (decision 0015). Bouncy Castle wipes each block before it returns here.
     */
    private final Argon2BytesGenerator.BlockPool blocks;

    /** At the default cost (m=19 MiB, t=2, p=1), keeping memory for one hash at a time. */
    public PasswordHashing() {
        this(Argon2Cost.DEFAULT, 1);
    }

    PasswordHashing(Argon2Cost cost) {
        this(cost, 1);
    }

    /**
     * Keeps the memory of {@code concurrentHashes} hashes at this cost between hashes; more at once still
     * work, with fresh memory. The server passes its hashing bound's permits ({@link Passwords}).
     */
    PasswordHashing(Argon2Cost cost, int concurrentHashes) {
        this.cost = cost;
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(
                concurrentHashes * Argon2BytesGenerator.getBlockCount(cost.memoryKib(), cost.parallelism()));
    }

    /** For benchmarks: the default cost, keeping memory for {@code concurrentHashes} hashes at once. */
    public static PasswordHashing forConcurrentHashes(int concurrentHashes) {
        return new PasswordHashing(Argon2Cost.DEFAULT, concurrentHashes);
    }

    Argon2Cost cost() {
        return cost;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return encode(new Phc(cost, salt, argon2id(password, salt, cost, HASH_BYTES)));
    }

    /**
     * A hash of no password at this cost: random salt and random tag, as long as real ones. Verifying
     * against it runs the same Argon2id as verifying a real hash and never matches; unlike hashing a
     * random password, making it costs nothing at start-up.
     */
    String decoy() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] tag = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(tag);
        return encode(new Phc(cost, salt, tag));
    }

    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        if (encoded.startsWith("$")) {
            return parse(encoded)
                    .map(phc -> MessageDigest.isEqual(
                            phc.hash(), argon2id(password, phc.salt(), phc.cost(), phc.hash().length)))
                    .orElse(false);
        }
        String[] parts = encoded.split("\\$");
        try {
            if (parts.length == 4 && parts[0].equals(PBKDF2)) {
                int iterations = Integer.parseInt(parts[1]);
                byte[] expected = B64D.decode(parts[3]);
                return MessageDigest.isEqual(expected, pbkdf2(password, B64D.decode(parts[2]), iterations));
            }
            if (parts.length == 2 && parts[0].equals(LEGACY_SHA1)) {
                byte[] expected = HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT));
                byte[] actual = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(expected, actual);
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
        return false;
    }

    /**
     * True unless the hash is Argon2id at exactly this cost: a PBKDF2 or SHA-1 hash, or an Argon2id one
     * made before the cost was changed (up or down), is replaced once the password is known again.
     */
    public boolean needsRehash(String encoded) {
        return parse(encoded)
                .map(phc -> !phc.cost().equals(cost) || phc.hash().length != HASH_BYTES)
                .orElse(true);
    }

    static String encode(Phc phc) {
        return "$" + ARGON2ID + "$v=" + ARGON2_VERSION + "$" + phc.cost().phc() + "$" + B64.encodeToString(phc.salt())
                + "$" + B64.encodeToString(phc.hash());
    }

    /** An Argon2id PHC string with parameters and lengths this server will run; empty for anything else. */
    static Optional<Phc> parse(String encoded) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (phc == null || !phc.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Cost cost = new Argon2Cost(
                    Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
            byte[] salt = B64D.decode(phc.group(4));
            byte[] hash = B64D.decode(phc.group(5));
            if (salt.length < MIN_SALT_BYTES
                    || salt.length > MAX_BYTES
                    || hash.length < MIN_HASH_BYTES
                    || hash.length > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Phc(cost, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Argon2id (version 1.3) of the password's UTF-8 bytes, without a secret or associated data. */
    byte[] argon2id(String password, byte[] salt, Argon2Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .withBlockPool(blocks)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] hash = new byte[length];
        try {
            generator.generateBytes(secret, hash);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return hash;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        }
    }
}
