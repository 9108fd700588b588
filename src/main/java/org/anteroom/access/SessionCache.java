package org.anteroom.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;

/**
 * Recently checked presence sessions, by cookie digest, so that an authenticated presence request
 * skips the database ({@link CheckedCache} says why no ended session is served from it). Every
 * session ends through an {@link AccessEvent}: any of them but a session running out empties the
 * cache once its transaction committed, before the hub sockets of that change close, so a client
 * whose socket closed is refused here too. An entry lives at most {@link #MAX_AGE}, and {@link PresenceSessions} reads the session
 * again whenever it records that it was seen (once a minute).
 */
@ApplicationScoped
public class SessionCache {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 100_000;

    /** A live session, and when the database last recorded it in use. */
    record Live(SessionView view, Instant lastSeen) {}

    private final CheckedCache<Live> checked = new CheckedCache<>(MAX_AGE, MAX_ENTRIES);

    @Inject
    AfterCommit afterCommit;

    /** Read before looking a session up (in the cache or the database); hand it back to {@link #put}. */
    long generation() {
        return checked.generation();
    }

    Optional<Live> get(String digest, Instant now) {
        return checked.get(digest, now);
    }

    void put(String digest, Live live, Instant now, long seenGeneration) {
        checked.put(digest, live, live.view().expires(), now, seenGeneration);
    }

    void remove(String digest) {
        checked.remove(digest);
    }

    /** First among the observers of the ending, so its emptying runs before their work after the commit. */
    void ended(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) AccessEvent event) {
        if (!ranOut(event)) {
            afterCommit.run(checked::invalidateAll);
        }
    }

    /** Access ended through another node: before this node's relays close the sockets it covered. */
    void endedElsewhere(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Elsewhere committed) {
        if (committed.event() instanceof AccessEvent event && !ranOut(event)) {
            checked.invalidateAll();
        }
    }

    /**
     * A session whose time ran out needs no emptying: its entry carries the same expiry and is never
     * served past it. The sweeps end such sessions every second on a busy node; emptying the cache for
     * each would leave it empty.
     */
    private static boolean ranOut(AccessEvent event) {
        return event instanceof AccessEvent.SessionEnded ended && ended.ending() == AccessEvent.Ending.EXPIRED;
    }

    /** This node may have missed endings elsewhere. */
    void missedElsewhere(@Observes Elsewhere.Gap gap) {
        checked.invalidateAll();
    }
}
