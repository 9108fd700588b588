package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FailureWindowTest {

    private final MovableClock clock = new MovableClock();
    private final FailureWindow window = new FailureWindow(clock, Duration.ofHours(1));

    @Test
    void refusesOnceTheLimitIsReachedWithinTheWindow() {
        for (int i = 0; i < 99; i++) {
            window.record("account:sigal", 100);
        }
        assertFalse(window.exceeded("account:sigal", 100));
        window.record("account:sigal", 100);
        assertTrue(window.exceeded("account:sigal", 100));
        assertFalse(window.exceeded("account:podb", 100), "other accounts are unaffected");
    }

    @Test
    void failuresFallOutOfTheSlidingWindow() {
        window.record("k", 2);
        clock.move(Duration.ofMinutes(40));
        window.record("k", 2);
        assertTrue(window.exceeded("k", 2));

        clock.move(Duration.ofMinutes(21));
        assertFalse(window.exceeded("k", 2), "the first failure is older than an hour");
        clock.move(Duration.ofMinutes(40));
        window.sweep();
        assertEquals(0, window.keys(), "empty histories are dropped");
    }

    @Test
    void memoryPerKeyIsBoundedByTheLimit() {
        for (int i = 0; i < 10_000; i++) {
            window.record("k", 5);
        }
        assertTrue(window.exceeded("k", 5));
        clock.move(Duration.ofMinutes(61));
        assertFalse(window.exceeded("k", 5));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
