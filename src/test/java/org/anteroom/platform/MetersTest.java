package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MetersTest {

    private static final Meters.Metric SENT = new Meters.Metric("anteroom_sent", "Sent");

    @Test
    void oneCounterPerMetricAndLabelsAndFollowersHearEachIncrement() {
        Meters meters = new Meters();
        Meters.Counter counter = meters.counter(SENT, "surface", "legacy");
        assertSame(counter, meters.counter(SENT, "surface", "legacy"));
        AtomicInteger heard = new AtomicInteger();
        counter.follow(heard::incrementAndGet);

        counter.increment();
        counter.increment();

        assertEquals(2L, counter.value());
        assertEquals(2, heard.get());
        assertEquals(0L, meters.counter(SENT, "surface", "bridge").value());
    }

    @Test
    void aWatcherHearsOfTheMetersBeforeAndAfterIt() {
        Meters meters = new Meters();
        meters.counter(SENT);
        List<String> heard = new ArrayList<>();

        meters.watch(meter -> heard.add(meter.metric().name() + meter.labels()));
        meters.gauge(new Meters.Metric("anteroom_open", "Open"), () -> 1, "node", "a");

        assertEquals(List.of("anteroom_sent{}", "anteroom_open{node=a}"), heard);
    }

    @Test
    void aFailingGaugeReadsUnknownAndKindsDoNotMix() {
        Meters meters = new Meters();
        meters.gauge(SENT, () -> {
            throw new IllegalStateException("down");
        });

        assertNull(meters.all().get(0).value());
        assertThrows(IllegalStateException.class, () -> meters.counter(SENT));
        assertThrows(IllegalArgumentException.class, () -> new Meters.Metric("Bad-Name", "no"));
    }

    @Test
    void aReasonNeverCarriesWhatLooksLikeACredential() {
        ReadinessCheck.Result down = ReadinessCheck.Result.down(
                "database", "FATAL: password=s3cret; user=admin rejected for jdbc:postgresql://db/x?password=pw2");

        String reason = down.data().get("reason");
        assertEquals("FATAL: password=***; user=*** rejected for jdbc:postgresql://db/x?password=***", reason);
    }
}
