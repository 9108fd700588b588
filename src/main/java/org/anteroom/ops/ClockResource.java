package org.anteroom.ops;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.platform.ServerClock;

/** Reads and moves the server clock forward; registered only under {@code anteroom.test.clock-control=true}. */
@ApplicationScoped
@Path("clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    ServerClock clock;

    /** How far the test clock is ahead of the machine's. */
    @GET
    public Offset offset() {
        return new Offset(clock.offset().toSeconds());
    }

    @POST
    @Path("advance")
    public Offset advance(@QueryParam("seconds") long seconds) {
        if (seconds <= 0) {
            throw new BadRequestException("seconds must be positive");
        }
        clock.advance(Duration.ofSeconds(seconds));
        return new Offset(clock.offset().toSeconds());
    }

    public record Offset(long offsetSeconds) {
    }
}
