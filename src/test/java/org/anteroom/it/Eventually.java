package org.anteroom.it;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for a condition the server reaches in its own time (a mail sent, acknowledgements taken in,
 * a socket's place freed): the one polling loop of the ITs. Bounds are generous, so that a busy
 * machine makes a run slower, never red; a failure names what was awaited and what was seen last.
 */
public final class Eventually {

    /** Long enough for anything a test waits for on a loaded build machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final Duration INTERVAL = Duration.ofMillis(50);

    private Eventually() {}

    /** Polls the value until it is done, and returns it; fails with the last value once the bound has passed. */
    public static <T> T until(String what, Duration within, Supplier<T> value, Predicate<? super T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T last = value.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited " + within + " for " + what + "; last seen: " + last);
            }
            pause(INTERVAL);
        }
    }

    /** Polls until the value is not null, and returns it. */
    public static <T> T value(String what, Duration within, Supplier<T> value) {
        return until(what, within, value, Objects::nonNull);
    }

    /** Polls until the condition holds. */
    public static void until(String what, Duration within, BooleanSupplier condition) {
        until(what, within, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * A value that stopped changing: read every {@code quiet} until two reads agree. Unlike the others
     * this never fails; a value still changing at the bound is returned as last read.
     */
    public static <T> T steady(Duration quiet, Duration within, Supplier<T> value) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = value.get();
        while (System.nanoTime() - deadline < 0) {
            pause(quiet);
            T now = value.get();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /**
     * Lets time pass on purpose: to show that something does NOT happen, where no answer of the server
     * can tell that it will not (a timer that might fire, an event that might follow), or to get distinct
     * timestamps. Prefer a barrier where the server orders its traffic (see {@link WebSocketClient#sync}).
     */
    public static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
