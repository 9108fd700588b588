package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (an account, a client address) over a sliding window. Memory stays
 * bounded: a key's history is trimmed to the window on every touch and dropped once empty, and no
 * key keeps more than {@code limit} entries.
 */
final class FailureWindow implements FailureCounts {

    private final Clock clock;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailureWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    @Override
    public boolean exceeded(String key, long limit) {
        Deque<Instant> history = failures.get(key);
        if (history == null) {
            return false;
        }
        synchronized (history) {
            trim(history, clock.instant());
            return history.size() >= limit;
        }
    }

    @Override
    public void record(String key, long limit) {
        Instant now = clock.instant();
        Deque<Instant> history = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (history) {
            trim(history, now);
            history.addLast(now);
            while (history.size() > limit) {
                history.removeFirst();
            }
        }
    }

    void clear(String key) {
        failures.remove(key);
    }

    /** Drops keys whose failures all fell out of the window. */
    @Override
    public void sweep() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                trim(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    int keys() {
        return failures.size();
    }

    private void trim(Deque<Instant> history, Instant now) {
        Instant horizon = now.minus(window);
        while (!history.isEmpty() && !history.peekFirst().isAfter(horizon)) {
            history.removeFirst();
        }
    }
}
