package org.anteroom.presence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.AccessTokens;
import org.anteroom.directory.ProfileView;
import org.anteroom.directory.Users;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.presence.RoomFacts.NegotiateFact;
import org.anteroom.presence.RoomFacts.TokenBody;
import org.anteroom.presence.hub.PresenceHub;

/** The tokens a session hands out: {@code GET /jwt} for the assets service, {@code GET /negotiate} for the hub. */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    PresenceCall call;

    @Inject
    Users users;

    @Inject
    AccessTokens tokens;

    @GET
    @Path("jwt")
    public TokenBody roomToken() {
        return new TokenBody(tokens.forRoom(users.profile(call.userId(), null)));
    }

    @GET
    @Path("negotiate")
    public NegotiateFact negotiate(@QueryParam("uuid") String uuid) {
        ProfileView caller = users.profile(call.userId(), null);
        if (uuid == null || uuid.isBlank()) {
            throw new InvalidInputException("uuid is required");
        }
        if (caller.uuid() == null || !uuid.trim().equalsIgnoreCase(caller.uuid())) {
            throw new NotPermittedException("uuid must be your own");
        }
        return new NegotiateFact(
                PresenceHub.PATH, tokens.forHub(caller.uuid(), call.session().id()));
    }
}
