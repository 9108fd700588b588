package org.anteroom.presence;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.anteroom.chat.Messages;
import org.anteroom.chat.RoomChats;
import org.anteroom.platform.ChatIds;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.presence.RoomFacts.JoinFact;
import org.anteroom.presence.RoomFacts.RoomFact;
import org.anteroom.rooms.Memberships;
import org.anteroom.rooms.Memberships.Joining;
import org.anteroom.rooms.RoomEvent.Ref;
import org.anteroom.rooms.Rooms;

/**
 * Rooms: create, list, read by UUID or shortname, the ways in and out — join (or wait), approve a
 * waiting user, leave, kick — and the room's chat: its messages and the bots taking part. Rooms are
 * addressed by UUID or shortname wherever the path says {@code room}.
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

    @Inject
    RoomChats roomChats;

    @Inject
    MemberLists memberLists;

    @POST
    public RoomFact create(InputStream body) {
        String name = JsonBody.read(body).text("name");
        return RoomFact.of(rooms.create(call.userId(), call.session().method(), name));
    }

    /**
     * The caller's rooms with their members, written here rather than by JSON-B: each room's
     * {@code members} comes encoded from {@link MemberLists}, the same bytes JSON-B writes for them.
     */
    @GET
    public String approved(@QueryParam("created") String created, @QueryParam("modified") String modified) {
        List<Ref> approved =
                rooms.approvedFor(call.userId(), epochMillis("created", created), epochMillis("modified", modified));
        Map<String, String> members =
                memberLists.json(approved.stream().map(Ref::id).toList());
        Jsonb json = MemberCodec.json();
        StringBuilder out = new StringBuilder(
                64 + members.values().stream().mapToInt(String::length).sum());
        out.append('[');
        for (Ref room : approved) {
            out.append(out.length() == 1 ? "" : ",")
                    .append("{\"uuid\":")
                    .append(json.toJson(room.id()))
                    .append(",\"name\":")
                    .append(json.toJson(room.name()));
            if (room.shortname() != null) {
                out.append(",\"shortname\":").append(json.toJson(room.shortname()));
            }
            out.append(",\"members\":").append(members.get(room.id())).append('}');
        }
        return out.append(']').toString();
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

    /**
     * The room's chat, for someone in the room: {@code count} (default 50) messages before {@code before}, oldest
     * first.
     */
    @GET
    @Path("{room}/messages")
    public JsonArray messages(
            @PathParam("room") String room, @QueryParam("count") String count, @QueryParam("before") String before) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        roomChats.messages(call.userId(), room, count(count), before).forEach(m -> list.add(MessageFacts.of(m)));
        return list.build();
    }

    @POST
    @Path("{room}/messages")
    public Response post(@PathParam("room") String room, InputStream body) {
        JsonBody json = JsonBody.read(body);
        return Response.status(Response.Status.CREATED)
                .entity(MessageFacts.of(roomChats.post(call.userId(), room, json.text("text"), json.text("parseMode"))))
                .build();
    }

    /**
     * Our addition: someone in the room brings a chat bot (by its login or bot id, login@domain) into the room's chat.
     */
    @POST
    @Path("{room}/bots")
    public Map<String, Object> addBot(@PathParam("room") String room, InputStream body) {
        roomChats.addBot(call.userId(), room, botLogin(JsonBody.read(body).text("bot")));
        return Map.of();
    }

    @DELETE
    @Path("{room}/bots/{bot}")
    public Map<String, Object> removeBot(@PathParam("room") String room, @PathParam("bot") String bot) {
        roomChats.removeBot(call.userId(), room, botLogin(bot));
        return Map.of();
    }

    /** A bot id of another domain names no user of ours: 404, like an unknown login. */
    private static String botLogin(String bot) {
        return bot == null ? null : ChatIds.login(bot);
    }

    private static int count(String count) {
        if (count == null || count.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(count.trim());
            if (n >= 1 && n <= Messages.HISTORY_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new InvalidInputException("count must be between 1 and " + Messages.HISTORY_MAX);
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
