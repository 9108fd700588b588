package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.anteroom.access.SessionView.Adapt;
import org.anteroom.directory.LoginMethod;
import org.junit.jupiter.api.Test;

/** What a session holds of the hub: its socket count, and the grace after its last socket closed. */
class PresenceSessionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    @Test
    void theGraceStartsWhenTheLastSocketClosesAndIsSettledOnce() {
        PresenceSession session = session();
        assertFalse(
                session.settleLapse(cutoff(T0.plus(Duration.ofHours(1)))),
                "a session that never opened a socket has no grace");
        session.hubOpened();
        session.hubOpened();
        session.hubClosed(T0.plusSeconds(1));
        assertEquals(1, session.hubSockets());
        assertFalse(session.settleLapse(cutoff(T0.plus(Duration.ofHours(1)))), "a socket is still open");
        session.hubClosed(T0.plusSeconds(2));
        assertEquals(0, session.hubSockets());
        assertFalse(session.settleLapse(cutoff(T0.plusSeconds(2).plus(GRACE).minusMillis(1))), "within the grace");
        assertTrue(session.settleLapse(cutoff(T0.plusSeconds(2).plus(GRACE))));
        assertFalse(session.settleLapse(cutoff(T0.plus(Duration.ofHours(1)))), "settled once");
    }

    @Test
    void aReconnectWithinTheGraceCancelsIt() {
        PresenceSession session = session();
        session.hubOpened();
        session.hubClosed(T0.plusSeconds(1));
        session.hubOpened();
        assertFalse(session.settleLapse(cutoff(T0.plus(Duration.ofHours(1)))));
        session.hubClosed(T0.plusSeconds(5));
        session.hubClosed(T0.plusSeconds(6));
        assertEquals(0, session.hubSockets(), "never below zero");
        assertFalse(
                session.settleLapse(cutoff(T0.plusSeconds(5).plus(GRACE).minusMillis(1))),
                "the grace runs from the last close");
        assertTrue(session.settleLapse(cutoff(T0.plusSeconds(5).plus(GRACE))));
    }

    /** The cutoff a sweep at this moment uses: sockets closed before it are past the grace. */
    private static Instant cutoff(Instant now) {
        return now.minus(GRACE);
    }

    private static PresenceSession session() {
        Identity identity = new Identity("it", "it", "subject", "a@example.com", "A", null, LoginMethod.GOOGLE);
        return new PresenceSession(
                "digest", "user", identity, new Adapt(null, null, null), T0, T0.plus(Duration.ofHours(2)));
    }
}
