package org.anteroom.presence.hub;

import java.time.Clock;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.anteroom.rooms.Member;
import org.anteroom.rooms.RoomEvent;
import org.anteroom.rooms.RoomEvent.Approved;
import org.anteroom.rooms.RoomEvent.Invited;
import org.anteroom.rooms.RoomEvent.JoinRequested;
import org.anteroom.rooms.RoomEvent.Kicked;
import org.anteroom.rooms.RoomEvent.MemberJoined;
import org.anteroom.rooms.RoomEvent.MemberLeft;
import org.anteroom.rooms.RoomEvent.Ref;

/**
 * Turns committed room events into hub messages (docs/hub-events.md) and hands them to the
 * connections concerned. Runs after the transaction succeeded, on the thread that committed it; it
 * only queues messages, so the request that caused the event is not held up by any socket.
 */
@ApplicationScoped
class RoomEventRelay {

    @Inject
    Connections connections;

    @Inject
    Clock clock;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomEvent event) {
        if (event instanceof JoinRequested e) {
            connections.toRoom(e.room().uuid(), message("join-requested", e.room()).add("user", member(e.member())));
            connections.toUser(e.member().uuid(), message("waiting", e.room()));
        } else if (event instanceof Approved e) {
            connections.toUser(e.member().uuid(), message("approved", e.room()).add("approvedBy", member(e.approvedBy())));
        } else if (event instanceof MemberJoined e) {
            if (!e.member().embeddedNode()) {
                connections.moveUser(e.member().uuid(), e.room().uuid());
            }
            connections.toRoom(e.room().uuid(), message("member-joined", e.room()).add("user", member(e.member())));
        } else if (event instanceof MemberLeft e) {
            connections.leaveRoom(e.member().uuid(), e.room().uuid());
            connections.toRoom(e.room().uuid(), message("member-left", e.room()).add("user", member(e.member()))
                    .add("reason", e.departure().name().toLowerCase(Locale.ROOT)));
        } else if (event instanceof Kicked e) {
            connections.toUser(e.member().uuid(), message("kicked", e.room()).add("kickedBy", member(e.kickedBy())));
        } else if (event instanceof Invited e) {
            connections.toUser(e.inviteeUuid(), message("invited", e.room())
                    .add("invitedBy", member(e.invitedBy())).add("invitedDate", e.invitedDate()));
        }
    }

    private JsonObjectBuilder message(String type, Ref room) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("at", clock.millis())
                .add("room", Json.createObjectBuilder()
                        .add("uuid", room.uuid())
                        .add("name", room.name())
                        .add("shortname", room.shortname() == null ? "" : room.shortname()));
    }

    static JsonObjectBuilder member(Member member) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        text(json, "uuid", member.uuid());
        text(json, "name", member.name());
        text(json, "device", member.device());
        text(json, "type", member.type());
        json.add("created", member.created()).add("modified", member.modified());
        text(json, "method", member.method());
        text(json, "room", member.room());
        return json;
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
