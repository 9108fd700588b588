package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Caller SIGAL = new Caller("sigal", "d1", false);

    private final TokenCache cache = new TokenCache();

    @Test
    void aCachedTokenIsServedUntilItsExpiryOrTheMaximumAge() {
        cache.put("a", SIGAL, NOW.plusSeconds(30), NOW, cache.generation());
        cache.put("b", SIGAL, NOW.plusSeconds(3600), NOW, cache.generation());

        assertEquals(Optional.of(SIGAL), cache.get("a", NOW.plusSeconds(29)));
        assertEquals(Optional.empty(), cache.get("a", NOW.plusSeconds(30)), "the token's own expiry");
        assertEquals(Optional.of(SIGAL), cache.get("b", NOW.plusSeconds(59)));
        assertEquals(Optional.empty(), cache.get("b", NOW.plus(TokenCache.MAX_AGE)), "the cache's maximum age");
    }

    @Test
    void aRevocationEmptiesTheCache() {
        cache.put("a", SIGAL, NOW.plusSeconds(3600), NOW, cache.generation());
        cache.invalidateAll();
        assertEquals(Optional.empty(), cache.get("a", NOW));
    }

    @Test
    void aLookUpThatStartedBeforeARevocationCannotRepopulateTheCache() {
        long seen = cache.generation();
        cache.invalidateAll(); // a revocation commits while the reader is at the database
        cache.put("a", SIGAL, NOW.plusSeconds(3600), NOW, seen);
        assertEquals(Optional.empty(), cache.get("a", NOW));
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < TokenCache.MAX_ENTRIES + 10; i++) {
            cache.put("t" + i, SIGAL, NOW.plusSeconds(3600), NOW, cache.generation());
        }
        assertTrue(cache.size() <= TokenCache.MAX_ENTRIES);
    }
}
