package org.anteroom.access;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code permits} password hashes run at once, each holding its Argon2 memory; callers get a
 * permit in arrival order (a fair semaphore). At most {@code queue} more wait, each for at most
 * {@code maxWaitMillis}; anyone beyond that, or whose wait runs out, is refused at once with
 * {@link HashingBusyException}. So a burst of logins neither exhausts the heap nor piles up requests
 * that would time out anyway.
 */
final class HashingBound {

    private final Semaphore permits;
    private final int admitted;
    private final long maxWaitMillis;
    /** Callers holding a permit or waiting for one. */
    private final AtomicInteger inside = new AtomicInteger();

    HashingBound(int permits, int queue, long maxWaitMillis) {
        if (permits < 1 || queue < 0 || maxWaitMillis < 0) {
            throw new IllegalArgumentException("A hashing bound needs a permit, a queue and a wait of at least 0");
        }
        this.permits = new Semaphore(permits, true);
        this.admitted = permits + queue;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Runs one hash under the bound, or throws {@link HashingBusyException} without running it. */
    <T> T run(Supplier<T> hash) {
        if (inside.incrementAndGet() > admitted) {
            inside.decrementAndGet();
            throw new HashingBusyException();
        }
        try {
            // The timed tryAcquire honours the fair order; the untimed one would barge.
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new HashingBusyException();
            }
            try {
                return hash.get();
            } finally {
                permits.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        } finally {
            inside.decrementAndGet();
        }
    }

    /** Whether a caller is waiting for a permit (tests wait for one without timing anything). */
    boolean hasQueuedCallers() {
        return permits.hasQueuedThreads();
    }
}
