package org.anteroom.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in a self-describing form, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (salt and hash in unpadded base64), so the cost can be raised later without breaking old hashes.
 * Hashes imported from the old PresentationServices database, {@code sha1$<hex>}, still verify;
 * {@link #needsRehash} tells the caller to replace them at the next successful login.
 */
public final class PasswordHashing {

    public static final int ITERATIONS = 600_000;
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final String LEGACY_SHA1 = "sha1";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int iterations;

    public PasswordHashing() {
        this(ITERATIONS);
    }

    /** A lower cost is for tests of the format only; the server always uses {@link #ITERATIONS}. */
    PasswordHashing(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PBKDF2 + "$" + iterations + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(pbkdf2(password, salt, iterations));
    }

    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        try {
            if (parts.length == 4 && parts[0].equals(PBKDF2)) {
                int cost = Integer.parseInt(parts[1]);
                byte[] expected = B64D.decode(parts[3]);
                return MessageDigest.isEqual(expected, pbkdf2(password, B64D.decode(parts[2]), cost));
            }
            if (parts.length == 2 && parts[0].equals(LEGACY_SHA1)) {
                byte[] expected = HexFormat.of().parseHex(parts[1].toLowerCase(java.util.Locale.ROOT));
                byte[] actual = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
                return MessageDigest.isEqual(expected, actual);
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
        return false;
    }

    /** True for a legacy or weaker hash that should be replaced once the password is known again. */
    public boolean needsRehash(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PBKDF2)) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        }
    }
}
