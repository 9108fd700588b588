package org.anteroom.presence;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.anteroom.platform.Settings;
import org.anteroom.presence.RoomFacts.InvitationFact;
import org.anteroom.rooms.Invitations;

/** Invitations: pre-approve an email address for the caller's room (and mail a link), list one's own. */
@ApplicationScoped
@Path("invites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class InvitesResource {

    @Inject
    PresenceCall call;

    @Inject
    Invitations invitations;

    @GET
    public List<InvitationFact> pending() {
        return invitations.pendingFor(call.userId()).stream()
                .map(InvitationFact::of)
                .toList();
    }

    @POST
    public boolean invite(InputStream body, @Context UriInfo uri) {
        JsonBody json = JsonBody.read(body);
        invitations.invite(
                call.userId(),
                json.text("uuid"),
                json.text("emailAddress"),
                json.bool("send_email", false),
                webAppBase(uri));
        return true;
    }

    /**
     * Where the web app lives, for links in mails: the public host the gateway reported at login
     * ({@code x-adapt-host}), else {@code anteroom.public-url}, else the address this request came to.
     */
    private String webAppBase(UriInfo uri) {
        String host = call.session().adapt().host();
        if (host != null && !host.isBlank()) {
            return host.contains("://") ? host : "https://" + host;
        }
        return Settings.text(Settings.PUBLIC_URL)
                .orElseGet(
                        () -> uri.getBaseUriBuilder().replacePath("/").build().toString());
    }
}
