package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.anteroom.platform.DomainException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound with a tiny size and a stub hash that blocks until released: no timing is asserted. */
class HashingBoundTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void beyondThePermitsAndTheQueueACallerIsToldToTryAgain() throws Exception {
        HashingBound bound = new HashingBound(1, 1, 60_000);
        Blocking first = new Blocking();
        Future<String> running = threads.submit(() -> bound.run(first));
        first.started.await();
        Future<String> waiting = threads.submit(() -> bound.run(() -> "second"));
        awaitWaiting(bound, waiting);

        HashingBusyException refused = assertThrows(HashingBusyException.class, () -> bound.run(() -> "third"));
        assertEquals(Kind.UNAVAILABLE, refused.kind(), "a kind every surface maps to its try-again answer");
        assertEquals("Too many password checks at once; try again in a moment", refused.getMessage());

        first.release.countDown();
        assertEquals("first", running.get(1, TimeUnit.MINUTES));
        assertEquals("second", waiting.get(1, TimeUnit.MINUTES), "the queued caller got its turn");
        assertEquals("fourth", bound.run(() -> "fourth"), "the bound is free again");
    }

    @Test
    void withoutAQueueTheSecondCallerIsRefusedAtOnce() throws Exception {
        HashingBound bound = new HashingBound(1, 0, 60_000);
        Blocking first = new Blocking();
        Future<String> running = threads.submit(() -> bound.run(first));
        first.started.await();

        assertThrows(HashingBusyException.class, () -> bound.run(() -> "second"));

        first.release.countDown();
        assertEquals("first", running.get(1, TimeUnit.MINUTES));
    }

    @Test
    void aWaitThatRunsOutIsRefusedToo() throws Exception {
        HashingBound bound = new HashingBound(1, 5, 0);
        Blocking first = new Blocking();
        Future<String> running = threads.submit(() -> bound.run(first));
        first.started.await();

        assertThrows(HashingBusyException.class, () -> bound.run(() -> "second"), "no wait allowed");

        first.release.countDown();
        assertEquals("first", running.get(1, TimeUnit.MINUTES));
    }

    @Test
    void aFailingHashReleasesItsPermit() {
        HashingBound bound = new HashingBound(1, 0, 0);
        assertThrows(
                IllegalStateException.class,
                () -> bound.run(() -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("after", bound.run(() -> "after"));
    }

    /** The queued caller is parked in the semaphore (or, at worst, about to be): wait until it is. */
    private static void awaitWaiting(HashingBound bound, Future<?> waiting) throws InterruptedException {
        while (!bound.hasQueuedCallers() && !waiting.isDone()) {
            Thread.sleep(1);
        }
    }

    private static final class Blocking implements Supplier<String> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String get() {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }
    }
}
