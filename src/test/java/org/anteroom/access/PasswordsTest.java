package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decoy that answers for unknown accounts costs what a real hash costs; this is checked by what
 * runs, not by a stopwatch: the decoy is an Argon2id PHC string at the configured cost, and verifying
 * an unknown account runs the same Argon2id verification, under the same bound.
 */
class PasswordsTest {

    /** Not the default, so that a decoy made at the default cost would be caught. */
    private static final Argon2Cost CONFIGURED = new Argon2Cost(12_288, 3, 1);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theDecoyIsAnArgon2idHashAtTheConfiguredCost() {
        Passwords passwords = new Passwords(new PasswordHashing(CONFIGURED), new HashingBound(2, 0, 0));

        PasswordHashing.Phc decoy = PasswordHashing.parse(passwords.decoy()).orElseThrow();
        assertEquals(CONFIGURED, decoy.cost());
        assertEquals(32, decoy.hash().length, "as long as a real hash");
        assertTrue(passwords.decoy().startsWith("$argon2id$v=19$m=12288,t=3,p=1$"), passwords.decoy());
        assertFalse(passwords.needsRehash(passwords.decoy()), "exactly what a fresh hash would be");
    }

    @Test
    void anUnknownAccountRunsTheSameVerificationAsAWrongPassword() {
        Recording hashing = new Recording(CONFIGURED);
        Passwords passwords = new Passwords(hashing, new HashingBound(2, 0, 0));
        String stored = passwords.hash("right");
        hashing.verified.clear();

        assertFalse(passwords.verify("wrong", stored));
        assertFalse(passwords.verify("wrong", null));
        assertFalse(passwords.verify("right", null));

        assertEquals(
                List.of(stored, passwords.decoy(), passwords.decoy()),
                hashing.verified,
                "one Argon2id verification each, the unknown account's against the decoy");
        assertEquals(
                PasswordHashing.parse(stored).orElseThrow().cost(),
                PasswordHashing.parse(passwords.decoy()).orElseThrow().cost());
    }

    @Test
    void theDecoyPasswordItselfNeverLogsIn() {
        Passwords passwords = new Passwords(new PasswordHashing(CONFIGURED), new HashingBound(1, 0, 0));
        assertFalse(passwords.verify("decoy-password", null));
    }

    @Test
    void anUnknownAccountWaitsForTheSameBound() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordHashing blocking = new PasswordHashing(CONFIGURED) {
            @Override
            public boolean verify(String password, String encoded) {
                if ("block".equals(password)) {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.verify(password, encoded);
            }
        };
        Passwords passwords = new Passwords(blocking, new HashingBound(1, 0, 0));
        String stored = passwords.hash("right");
        Future<Boolean> busy = threads.submit(() -> passwords.verify("block", stored));
        started.await();

        assertThrows(HashingBusyException.class, () -> passwords.verify("wrong", null), "unknown account");
        assertThrows(HashingBusyException.class, () -> passwords.verify("wrong", stored), "known account");
        assertThrows(HashingBusyException.class, () -> passwords.hash("new"), "registration, password change");
        assertTrue(
                passwords.rehash("right").isEmpty(), "a busy re-hash after a right password is skipped, not refused");

        release.countDown();
        assertFalse(busy.get(1, TimeUnit.MINUTES));
        assertTrue(passwords.rehash("right").isPresent(), "free again");
    }

    @Test
    void aCostBelowTheOwaspFloorRefusesToStartSayingWhy() {
        IllegalStateException weak = assertThrows(IllegalStateException.class, () -> Passwords.checked(8_192, 2, 1));
        assertEquals(
                "anteroom.password.argon2.memory-kib=8192 with anteroom.password.argon2.iterations=2 is below"
                        + " the OWASP minimum for Argon2id (m=47104 KiB with t=1, m=19456 KiB with t=2, m=12288 KiB with t=3,"
                        + " m=9216 KiB with t=4, m=7168 KiB with t=5); refusing to start",
                weak.getMessage());
        assertThrows(IllegalStateException.class, () -> Passwords.checked(19_455, 2, 1));
        assertThrows(IllegalStateException.class, () -> Passwords.checked(47_103, 1, 1));
        assertThrows(IllegalStateException.class, () -> Passwords.checked(16, 10, 4), "8 KiB per lane");

        assertEquals(Argon2Cost.DEFAULT, Passwords.checked(19_456, 2, 1));
        for (long[] floor : new long[][] {{47_104, 1}, {12_288, 3}, {9_216, 4}, {7_168, 5}, {65_536, 3}}) {
            assertEquals(new Argon2Cost((int) floor[0], (int) floor[1], 1), Passwords.checked(floor[0], floor[1], 1));
        }
        assertEquals(new Argon2Cost(19_456, 2, 2), Passwords.checked(19_456, 2, 2));
    }

    /** Records what each verification was run against. */
    private static final class Recording extends PasswordHashing {
        final List<String> verified = new ArrayList<>();

        Recording(Argon2Cost cost) {
            super(cost);
        }

        @Override
        public boolean verify(String password, String encoded) {
            verified.add(encoded);
            return super.verify(password, encoded);
        }
    }
}
