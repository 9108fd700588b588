package org.anteroom.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.anteroom.platform.Meters;
import org.junit.jupiter.api.Test;

class MetricsResourceTest {

    private static final Meters.Metric LOGINS = new Meters.Metric("anteroom_logins", "Login attempts");
    private static final Meters.Metric SOCKETS = new Meters.Metric("anteroom_sockets", "Open \"sockets\"\\now");
    private static final Meters.Metric ROOMS = new Meters.Metric("anteroom_rooms", "Rooms");

    @Test
    void countersGetTotalAndOneHelpAndTypePerFamily() {
        Meters meters = new Meters();
        meters.counter(LOGINS, "surface", "legacy", "outcome", "success").increment();
        meters.counter(LOGINS, "surface", "legacy", "outcome", "success").increment();
        meters.counter(LOGINS, "surface", "bridge", "outcome", "refused").increment();
        meters.gauge(SOCKETS, () -> 3, "kind", "a\"b\\c");

        assertEquals("""
                # HELP anteroom_logins_total Login attempts
                # TYPE anteroom_logins_total counter
                anteroom_logins_total{surface="bridge",outcome="refused"} 1
                anteroom_logins_total{surface="legacy",outcome="success"} 2
                # HELP anteroom_sockets Open "sockets"\\\\now
                # TYPE anteroom_sockets gauge
                anteroom_sockets{kind="a\\"b\\\\c"} 3
                """, MetricsResource.text(meters));
    }

    @Test
    void aGaugeThatCannotBeReadIsLeftOutNotZero() {
        Meters meters = new Meters();
        meters.gauge(ROOMS, () -> {
            throw new IllegalStateException("database down");
        });

        assertEquals("", MetricsResource.text(meters));
    }
}
