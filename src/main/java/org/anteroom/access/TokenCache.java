package org.anteroom.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import org.anteroom.platform.Elsewhere;

/**
 * Recently checked legacy tokens, so the hot path of every legacy request skips the database
 * ({@link CheckedCache} says how a revocation empties it); an entry lives at most {@link #MAX_AGE}.
 */
@ApplicationScoped
public class TokenCache {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 100_000;

    private final CheckedCache<Caller> checked = new CheckedCache<>(MAX_AGE, MAX_ENTRIES);

    /** Read before looking a token up in the database; hand it back to {@link #put}. */
    public long generation() {
        return checked.generation();
    }

    public Optional<Caller> get(String digest, Instant now) {
        return checked.get(digest, now);
    }

    public void put(String digest, Caller caller, Instant expires, Instant now, long seenGeneration) {
        checked.put(digest, caller, expires, now, seenGeneration);
    }

    public void invalidateAll() {
        checked.invalidateAll();
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) TokensRevoked event) {
        invalidateAll();
    }

    /**
     * Tokens revoked through another node: no cached answer is safe. Before the relays that close this
     * node's sockets for the same change, so a client that sees its socket close is refused here too.
     */
    void revokedElsewhere(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Elsewhere committed) {
        if (committed.event() instanceof TokensRevoked) {
            invalidateAll();
        }
    }

    /** This node may have missed revocations made elsewhere. */
    void missedElsewhere(@Observes Elsewhere.Gap gap) {
        invalidateAll();
    }

    int size() {
        return checked.size();
    }
}
