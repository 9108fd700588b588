package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.anteroom.access.AccessEvent.Ending;
import org.anteroom.access.AccessEvent.SessionEnded;
import org.anteroom.directory.LoginMethod;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final SessionCache.Live LIVE = new SessionCache.Live(
            new SessionView(
                    "s1", "u1", LoginMethod.EMAIL, NOW.plusSeconds(3600), new SessionView.Adapt(null, null, null)),
            NOW);

    private final SessionCache cache = new SessionCache();
    /** The work handed to AfterCommit, run when the test commits. */
    private final List<Runnable> afterCommit = new ArrayList<>();

    @BeforeEach
    void wire() {
        cache.afterCommit = new AfterCommit() {
            @Override
            public void run(Runnable work) {
                afterCommit.add(work);
            }
        };
        cache.put("d1", LIVE, NOW, cache.generation());
    }

    @Test
    void anEndedSessionIsGoneOnceItsTransactionCommittedNotBefore() {
        cache.ended(new SessionEnded("u1", "s1", Ending.LOGOUT));
        assertTrue(cache.get("d1", NOW).isPresent(), "the logout has not committed yet");
        afterCommit.forEach(Runnable::run);
        assertTrue(cache.get("d1", NOW).isEmpty());
    }

    @Test
    void aSuspensionOrACredentialChangeEmptiesItToo() {
        cache.ended(new AccessEvent.AccountDisabled("u1"));
        cache.ended(new AccessEvent.CredentialsChanged("u1"));
        assertEquals(2, afterCommit.size());
    }

    @Test
    void anEndingThroughAnotherNodeEmptiesItAtOnce() {
        cache.endedElsewhere(new Elsewhere(new SessionEnded("u1", "s1", Ending.REVOKED)));
        assertTrue(cache.get("d1", NOW).isEmpty());
    }

    @Test
    void aSessionRunningOutLeavesTheOthersCachedAndIsNeverServedPastItsExpiry() {
        cache.ended(new SessionEnded("u2", "s2", Ending.EXPIRED));
        cache.endedElsewhere(new Elsewhere(new SessionEnded("u2", "s2", Ending.EXPIRED)));
        assertTrue(afterCommit.isEmpty());
        assertEquals(LIVE, cache.get("d1", NOW).orElseThrow());
        assertTrue(cache.get("d1", NOW.plusSeconds(3600)).isEmpty(), "its own expiry");
    }

    @Test
    void anEntryLivesAtMostTheMaximumAge() {
        assertTrue(cache.get("d1", NOW.plus(SessionCache.MAX_AGE)).isEmpty());
    }

    @Test
    void aGapEmptiesIt() {
        cache.missedElsewhere(new Elsewhere.Gap());
        assertTrue(cache.get("d1", NOW).isEmpty());
    }
}
