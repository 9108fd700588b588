package org.anteroom.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Credentials checked recently, by digest, so that the hot path of an authenticated request skips the
 * database: the mechanics that {@link TokenCache} and {@link SessionCache} share. Correctness comes
 * first: whatever ends a credential empties the cache once its transaction completed, and a reader
 * that looked a credential up before that moment cannot put it back (the generation it saw has
 * changed). An entry also lives at most its cache's maximum age, bounding what any missed ending
 * could cost, and never past the credential's own expiry.
 */
final class CheckedCache<V> {

    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Entry<V>(V value, Instant expires, Instant until) {}

    CheckedCache(Duration maxAge, int maxEntries) {
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    /** Read before looking a credential up (in the cache or the database); hand it back to {@link #put}. */
    long generation() {
        return generation.get();
    }

    Optional<V> get(String digest, Instant now) {
        Entry<V> entry = entries.get(digest);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expires()) || !now.isBefore(entry.until())) {
            entries.remove(digest, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(String digest, V value, Instant expires, Instant now, long seenGeneration) {
        if (generation.get() != seenGeneration) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Instant until = now.plus(maxAge);
        entries.put(digest, new Entry<>(value, expires, until.isBefore(expires) ? until : expires));
        // An ending may have completed between the check above and the put: undo, to be sure.
        if (generation.get() != seenGeneration) {
            entries.remove(digest);
        }
    }

    void remove(String digest) {
        entries.remove(digest);
    }

    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
