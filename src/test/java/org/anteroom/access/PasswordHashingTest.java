package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    /** The format is what is under test here; the server's cost is checked by its own test below. */
    private final PasswordHashing hashing = new PasswordHashing(1_000);

    @Test
    void hashesAreSelfDescribingAndSalted() {
        String first = hashing.hash("correct horse");
        String second = hashing.hash("correct horse");

        assertTrue(first.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertFalse(first.contains("correct horse"));
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String hash = hashing.hash("correct horse");

        assertTrue(hashing.verify("correct horse", hash));
        assertFalse(hashing.verify("correct horsE", hash));
        assertFalse(hashing.verify("", hash));
        assertFalse(hashing.verify(null, hash));
        assertFalse(hashing.verify("correct horse", null));
    }

    @Test
    void garbledHashesNeverVerify() {
        assertFalse(hashing.verify("x", "pbkdf2-sha256$notanumber$AAAA$AAAA"));
        assertFalse(hashing.verify("x", "pbkdf2-sha256$1000$***$AAAA"));
        assertFalse(hashing.verify("x", "md5$abc"));
        assertFalse(hashing.verify("x", ""));
    }

    @Test
    void theServerCostIsTheBaselines() {
        assertEquals(600_000, PasswordHashing.ITERATIONS);
        assertTrue(new PasswordHashing().needsRehash(hashing.hash("x")), "a cheaper hash is upgraded");
    }

    @Test
    void legacySha1HashesVerifyOnceAndAskToBeReplaced() throws Exception {
        String legacy = "sha1$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest("1234abcd".getBytes(StandardCharsets.UTF_8))).toUpperCase();

        assertTrue(hashing.verify("1234abcd", legacy));
        assertFalse(hashing.verify("1234abcD", legacy));
        assertTrue(hashing.needsRehash(legacy));
        assertFalse(hashing.needsRehash(hashing.hash("1234abcd")));
    }
}
