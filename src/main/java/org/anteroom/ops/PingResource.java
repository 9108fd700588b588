package org.anteroom.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@ApplicationScoped
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    private static final Status UP = new Status("UP");

    @GET
    public Status ping() {
        return UP;
    }

    public record Status(String status) {}
}
