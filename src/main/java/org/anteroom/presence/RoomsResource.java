package org.anteroom.presence;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.platform.InvalidInputException;
import org.anteroom.presence.RoomFacts.JoinFact;
import org.anteroom.presence.RoomFacts.RoomFact;
import org.anteroom.rooms.Memberships;
import org.anteroom.rooms.Memberships.Joining;
import org.anteroom.rooms.Rooms;

/**
 * Rooms: create, list, read by UUID or shortname, and the ways in and out — join (or wait), approve a
 * waiting user, leave, kick. Rooms are addressed by UUID or shortname wherever the path says {@code room}.
 */
@ApplicationScoped
@Path("rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RoomsResource {

    @Inject
    PresenceCall call;

    @Inject
    Rooms rooms;

    @Inject
    Memberships memberships;

    @POST
    public RoomFact create(InputStream body) {
        String name = JsonBody.read(body).text("name");
        return RoomFact.of(rooms.create(call.userId(), call.session().method(), name));
    }

    @GET
    public List<RoomFact> approved(@QueryParam("created") String created, @QueryParam("modified") String modified) {
        return rooms.approvedFor(call.userId(), epochMillis("created", created), epochMillis("modified", modified))
                .stream().map(RoomFact::of).toList();
    }

    @GET
    @Path("{room}")
    public RoomFact one(@PathParam("room") String room) {
        return RoomFact.of(rooms.view(call.userId(), room));
    }

    @POST
    @Path("{room}/join")
    public JoinFact join(@PathParam("room") String room) {
        Joining joining = memberships.join(call.userId(), room);
        return new JoinFact(joining.joined() ? "joined" : "waiting", RoomFact.of(joining.room()));
    }

    /** The spec's approval: the caller must be in the room the user is waiting for. */
    @POST
    @Path("approve/{uuid}")
    public Map<String, Object> approve(@PathParam("uuid") String uuid) {
        memberships.approve(call.userId(), uuid);
        return Map.of();
    }

    @POST
    @Path("{room}/leave")
    public Map<String, Object> leave(@PathParam("room") String room) {
        memberships.leave(call.userId(), room);
        return Map.of();
    }

    /** Our addition: a member with room_kick removes another member and revokes its approval. */
    @POST
    @Path("{room}/kick/{uuid}")
    public Map<String, Object> kick(@PathParam("room") String room, @PathParam("uuid") String uuid) {
        memberships.kick(call.userId(), call.session().method(), room, uuid);
        return Map.of();
    }

    private static Long epochMillis(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a timestamp in epoch milliseconds");
        }
    }
}
