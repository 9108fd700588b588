package org.anteroom.presence;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.rooms.Memberships;

/** {@code POST /disconnect}: leave whatever room the caller is in and stop waiting anywhere. */
@ApplicationScoped
@Path("disconnect")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class DisconnectResource {

    @Inject
    PresenceCall call;

    @Inject
    Memberships memberships;

    @POST
    public Map<String, Object> disconnect() {
        memberships.disconnect(call.userId());
        return Map.of();
    }
}
