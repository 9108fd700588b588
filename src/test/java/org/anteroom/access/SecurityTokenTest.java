package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.anteroom.platform.Secrets;
import org.junit.jupiter.api.Test;

class SecurityTokenTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aTokenIsLiveUntilItsExpiryAndNotAtIt() {
        SecurityToken token =
                new SecurityToken(Secrets.sha256("t"), null, null, true, CREATED, CREATED.plusSeconds(300));

        assertTrue(token.liveAt(CREATED));
        assertTrue(token.liveAt(CREATED.plusSeconds(299)));
        assertFalse(token.liveAt(CREATED.plusSeconds(300)));
        assertFalse(token.liveAt(CREATED.plusSeconds(301)));
    }

    @Test
    void useIsRecorded() {
        SecurityToken token =
                new SecurityToken(Secrets.sha256("t"), "sigal", "d1", false, CREATED, CREATED.plusSeconds(3600));
        token.used(CREATED.plusSeconds(120));
        assertTrue(token.lastUsed().equals(CREATED.plusSeconds(120)));
    }
}
