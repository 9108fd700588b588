package org.anteroom.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.anteroom.platform.Elsewhere;

/**
 * Recently checked tokens, so the hot path of every legacy request skips the database. Correctness
 * comes first: a revocation empties the cache after its transaction completes, and a reader that
 * looked a token up before that moment cannot put it back (the generation it saw has changed). An
 * entry also lives at most {@link #MAX_AGE}, bounding what any missed revocation could cost, and
 * never past the token's own expiry.
 */
@ApplicationScoped
public class TokenCache {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Entry(Caller caller, Instant expires, Instant until) {}

    /** Read before looking a token up in the database; hand it back to {@link #put}. */
    public long generation() {
        return generation.get();
    }

    public Optional<Caller> get(String digest, Instant now) {
        Entry entry = entries.get(digest);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expires()) || !now.isBefore(entry.until())) {
            entries.remove(digest, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    public void put(String digest, Caller caller, Instant expires, Instant now, long seenGeneration) {
        if (generation.get() != seenGeneration) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant until = now.plus(MAX_AGE);
        entries.put(digest, new Entry(caller, expires, until.isBefore(expires) ? until : expires));
        // A revocation may have completed between the check above and the put: undo, to be sure.
        if (generation.get() != seenGeneration) {
            entries.remove(digest);
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) TokensRevoked event) {
        invalidateAll();
    }

    /** Tokens revoked through another node: no cached answer is safe. */
    void revokedElsewhere(@Observes Elsewhere committed) {
        if (committed.event() instanceof TokensRevoked) {
            invalidateAll();
        }
    }

    /** This node may have missed revocations made elsewhere. */
    void missedElsewhere(@Observes Elsewhere.Gap gap) {
        invalidateAll();
    }

    int size() {
        return entries.size();
    }
}
