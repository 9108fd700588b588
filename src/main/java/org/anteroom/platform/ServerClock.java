package org.anteroom.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one clock the domain reads. It is the system clock plus an offset that only the test clock
 * control ({@code anteroom.test.clock-control}) can move, so expiry is tested without sleeping.
 */
@ApplicationScoped
public class ServerClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public Duration offset() {
        return offset;
    }
}
