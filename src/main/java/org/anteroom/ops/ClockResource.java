package org.anteroom.ops;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.ServerClock;

/**
 * Reads and moves the server clock forward; registered only under {@code anteroom.test.clock-control=true}.
 * Both a step and the clock's total lead are bounded (ten years): beyond that, date arithmetic all
 * over the server overflows, and every later request would fail.
 */
@ApplicationScoped
@Path("clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    static final long MAX_OFFSET_SECONDS = Duration.ofDays(3653).toSeconds();

    @Inject
    ServerClock clock;

    /** How far the test clock is ahead of the machine's. */
    @GET
    public Offset offset() {
        return new Offset(clock.offset().toSeconds());
    }

    @POST
    @Path("advance")
    public Offset advance(@QueryParam("seconds") String seconds) {
        long step = seconds(seconds);
        if (clock.offset().toSeconds() + step > MAX_OFFSET_SECONDS) {
            throw new InvalidInputException("The clock may run at most " + MAX_OFFSET_SECONDS + " seconds ahead");
        }
        clock.advance(Duration.ofSeconds(step));
        return new Offset(clock.offset().toSeconds());
    }

    private static long seconds(String value) {
        long seconds;
        try {
            seconds = value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds <= 0 || seconds > MAX_OFFSET_SECONDS) {
            throw new InvalidInputException("seconds must be a whole number from 1 to " + MAX_OFFSET_SECONDS);
        }
        return seconds;
    }

    public record Offset(long offsetSeconds) {}
}
