package org.anteroom.presence;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.PresenceSessions;
import org.anteroom.access.SessionView;
import org.anteroom.directory.ProfileChange;
import org.anteroom.directory.Profiles;
import org.anteroom.directory.Users;
import org.anteroom.presence.PresenceFacts.UserFact;
import org.anteroom.rooms.Rooms;

/** The caller's own presence record; a Tool may also read other users' records. */
@ApplicationScoped
@Path("user")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    PresenceCall call;

    @Inject
    Users users;

    @Inject
    Profiles profiles;

    @Inject
    Rooms rooms;

    @Inject
    PresenceSessions sessions;

    @GET
    public UserFact own() {
        return MemberCodec.of(users.profile(call.userId(), call.session().method()));
    }

    /** The spec's create/update: the record exists from the first login, so both verbs update it. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public UserFact create(InputStream body) {
        return update(body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public UserFact update(InputStream body) {
        JsonBody json = JsonBody.read(body);
        ProfileChange change = MemberCodec.change(
                json.text("uuid"),
                json.text("uid"),
                json.text("name"),
                json.text("device"),
                json.text("type"),
                json.text("method"));
        return MemberCodec.of(
                profiles.update(call.userId(), change, call.session().method()));
    }

    /** Forgets every room approval of the caller. */
    @DELETE
    public boolean forgetApprovals() {
        rooms.forgetApprovals(call.userId());
        return true;
    }

    /**
     * Another user's record for a Tool; anyone else gets its own (rule in {@link Users#readProfile}). The
     * permissions shown are those of the caller's session, or of the other user's latest live one.
     */
    @GET
    @Path("{uuid}")
    public UserFact byUuid(@PathParam("uuid") String uuid) {
        return MemberCodec.of(users.readProfile(
                call.userId(),
                uuid,
                id -> id.equals(call.userId())
                        ? call.session().method()
                        : sessions.latest(id).map(SessionView::method).orElse(null)));
    }
}
