package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    /** The Argon2 reference implementation's own check (phc-winner-argon2, src/test.c). */
    private static final String REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    private static final String REFERENCE_HEX = "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7";
    /** The same file's cheaper one, with another cost. */
    private static final String REFERENCE_SMALL =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void hashesAreArgon2idPhcStringsAtTheDefaultCost() {
        String first = hashing.hash("correct horse");
        String second = hashing.hash("correct horse");

        assertTrue(
                first.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second, "each hash has its own salt");
        assertFalse(first.contains("correct horse"));
        assertEquals(new Argon2Cost(19_456, 2, 1), Argon2Cost.DEFAULT, "OWASP's and ASVS 5.0's first choice");
    }

    @Test
    void phcStringsRoundTrip() {
        PasswordHashing.Phc parsed = PasswordHashing.parse(REFERENCE).orElseThrow();

        assertEquals(new Argon2Cost(65_536, 2, 1), parsed.cost());
        assertArrayEquals("somesalt".getBytes(StandardCharsets.US_ASCII), parsed.salt());
        assertArrayEquals(HexFormat.of().parseHex(REFERENCE_HEX), parsed.hash());
        assertEquals(REFERENCE, PasswordHashing.encode(parsed));

        String ours = hashing.hash("x");
        assertEquals(ours, PasswordHashing.encode(PasswordHashing.parse(ours).orElseThrow()));
    }

    @Test
    void theReferenceImplementationsVectorsVerify() {
        assertTrue(hashing.verify("password", REFERENCE));
        assertFalse(hashing.verify("passwore", REFERENCE));
        assertTrue(hashing.verify("password", REFERENCE_SMALL));
        assertArrayEquals(
                HexFormat.of().parseHex(REFERENCE_HEX),
                hashing.argon2id(
                        "password", "somesalt".getBytes(StandardCharsets.US_ASCII), new Argon2Cost(65_536, 2, 1), 32));
    }

    /** RFC 9106, section 5.3: the library computes the RFC's Argon2id tag (with secret and associated data). */
    @Test
    void theLibraryComputesRfc9106sArgon2idVector() {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(filled(16, 0x02))
                .withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04))
                .build());
        byte[] tag = new byte[32];
        generator.generateBytes(filled(32, 0x01), tag);

        assertEquals(
                "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
                HexFormat.of().formatHex(tag));
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
        String salt = "$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertFalse(hashing.verify("password", "$argon2i$v=19$m=65536,t=2,p=1" + salt), "another variant");
        assertFalse(hashing.verify("password", "$argon2id$v=16$m=65536,t=2,p=1" + salt), "another version");
        assertFalse(hashing.verify("password", "$argon2id$m=65536,t=2,p=1" + salt), "no version");
        assertFalse(hashing.verify("password", "$argon2id$v=19$t=2,m=65536,p=1" + salt), "parameters out of order");
        assertFalse(hashing.verify("password", "$argon2id$v=19$m=9999999,t=2,p=1" + salt), "beyond what we run");
        assertFalse(hashing.verify("password", "$argon2id$v=19$m=65536,t=0,p=1" + salt));
        assertFalse(hashing.verify("password", REFERENCE + "="), "padded");
        assertFalse(
                hashing.verify("password", "$argon2id$v=19$m=65536,t=2,p=1$c29t$CTFhFdXPJO1aFaMaO6Mm5c8"),
                "salt and hash too short");
        assertFalse(hashing.verify("x", "pbkdf2-sha256$notanumber$AAAA$AAAA"));
        assertFalse(hashing.verify("x", "pbkdf2-sha256$1000$***$AAAA"));
        assertFalse(hashing.verify("x", "md5$abc"));
        assertFalse(hashing.verify("x", ""));
        assertFalse(hashing.verify("x", "$"));
    }

    @Test
    void pbkdf2HashesOfTheFormerDefaultStillVerifyAndAskToBeReplaced() throws Exception {
        byte[] salt = filled(16, 0x2a);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("1234abcd".toCharArray(), salt, 1_000, 256))
                .getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String pbkdf2 = "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);

        assertTrue(hashing.verify("1234abcd", pbkdf2));
        assertFalse(hashing.verify("1234abcD", pbkdf2));
        assertTrue(hashing.needsRehash(pbkdf2));
        assertTrue(hashing.needsRehash(pbkdf2.replace("$1000$", "$600000$")), "whatever its iterations");
    }

    @Test
    void legacySha1HashesVerifyOnceAndAskToBeReplaced() throws Exception {
        String legacy = "sha1$"
                + HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-1").digest("1234abcd".getBytes(StandardCharsets.UTF_8)))
                        .toUpperCase();

        assertTrue(hashing.verify("1234abcd", legacy));
        assertFalse(hashing.verify("1234abcD", legacy));
        assertTrue(hashing.needsRehash(legacy));
        assertFalse(hashing.needsRehash(hashing.hash("1234abcd")));
    }

    @Test
    void anArgon2idHashAtAnotherCostIsReplacedEitherWay() {
        PasswordHashing stronger = new PasswordHashing(new Argon2Cost(19_456, 3, 1));
        String current = hashing.hash("x");
        String higher = stronger.hash("x");

        assertFalse(hashing.needsRehash(current));
        assertTrue(stronger.needsRehash(current), "raised cost");
        assertTrue(hashing.needsRehash(higher), "lowered cost");
        assertTrue(hashing.verify("x", higher), "an old cost still verifies: it is read from the string");
        assertTrue(hashing.needsRehash(REFERENCE));
        assertTrue(hashing.needsRehash("garbage"));
    }

    /** Kept memory is wiped and shared safely: hashes run after and beside each other equal a fresh one's. */
    @Test
    void reusedMemoryGivesTheSameHashesOnSeveralThreadsAtOnce() throws Exception {
        Argon2Cost cost = new Argon2Cost(65_536, 2, 1);
        PasswordHashing pooled = new PasswordHashing(cost, 2);
        byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = HexFormat.of().parseHex(REFERENCE_HEX);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
            for (int i = 0; i < 8; i++) {
                // Another password in between: a block left unwiped would change the reference's tag.
                String password = i % 2 == 0 ? "password" : "another password";
                results.add(pool.submit(() -> pooled.argon2id(password, salt, cost, 32)));
            }
            for (int i = 0; i < results.size(); i += 2) {
                assertArrayEquals(expected, results.get(i).get());
                assertFalse(java.util.Arrays.equals(expected, results.get(i + 1).get()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
