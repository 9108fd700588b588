package org.anteroom.legacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.SecurityTokens;

/** Ends the session of the given token (the spec leaves logout as a TODO; see docs/legacy-api.md). */
@ApplicationScoped
@Path("logout")
@Produces(MediaType.APPLICATION_JSON)
public class LogoutResource {

    @Inject
    LegacyCall call;

    @Inject
    SecurityTokens tokens;

    @GET
    @AcceptsTemporalToken(userId = false)
    public Envelope logout() {
        tokens.revoke(call.token());
        return Envelope.success();
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    @AcceptsTemporalToken(userId = false)
    public Envelope logoutByForm() {
        return logout();
    }
}
