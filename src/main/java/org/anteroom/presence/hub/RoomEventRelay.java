package org.anteroom.presence.hub;

import java.time.Clock;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;
import org.anteroom.presence.MemberCodec;
import org.anteroom.presence.RoomFacts.MemberFact;
import org.anteroom.presence.hub.RoomFrames.Left;
import org.anteroom.presence.hub.RoomFrames.OfMember;
import org.anteroom.presence.hub.RoomFrames.Plain;
import org.anteroom.presence.hub.RoomFrames.RoomRef;
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
 * connections concerned, which events and connections both name by user id. Observed inside the
 * firing transaction and sent through {@link AfterCommit}, so a transaction's events go out once it
 * committed and in the order they were fired (an approval before the join it causes), on the thread
 * that committed; it only queues messages, so the request that caused the event is not held up by any
 * socket.
 */
@ApplicationScoped
class RoomEventRelay {

    @Inject
    Connections connections;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    void relay(@Observes RoomEvent event) {
        afterCommit.run(() -> send(event));
    }

    /** Another node committed it: its sockets got theirs there, these get theirs here. */
    void relay(@Observes Elsewhere committed) {
        if (committed.event() instanceof RoomEvent event) {
            send(event);
        }
    }

    private void send(RoomEvent event) {
        String roomId = event.room().id();
        if (event instanceof JoinRequested e) {
            connections.toRoom(
                    roomId,
                    () -> json(new OfMember("join-requested", clock.millis(), room(e.room()), member(e.member()))));
            connections.toUser(e.member().userId(), () -> json(new Plain("waiting", clock.millis(), room(e.room()))));
        } else if (event instanceof Approved e) {
            connections.toUser(
                    e.member().userId(),
                    () -> json(new RoomFrames.Approved(
                            "approved", clock.millis(), room(e.room()), member(e.approvedBy()))));
        } else if (event instanceof MemberJoined e) {
            if (!e.member().embeddedNode()) {
                connections.moveUser(e.member().userId(), roomId);
            }
            connections.toRoom(
                    roomId,
                    () -> json(new OfMember("member-joined", clock.millis(), room(e.room()), member(e.member()))));
        } else if (event instanceof MemberLeft e) {
            connections.leaveRoom(e.member().userId(), roomId);
            connections.toRoom(
                    roomId,
                    () -> json(new Left(
                            "member-left",
                            clock.millis(),
                            room(e.room()),
                            member(e.member()),
                            e.departure().name().toLowerCase(Locale.ROOT))));
        } else if (event instanceof Kicked e) {
            connections.toUser(
                    e.member().userId(),
                    () -> json(new RoomFrames.Kicked("kicked", clock.millis(), room(e.room()), member(e.kickedBy()))));
        } else if (event instanceof Invited e) {
            connections.toUser(
                    e.inviteeId(),
                    () -> json(new RoomFrames.Invited(
                            "invited",
                            clock.millis(),
                            room(e.room()),
                            member(e.invitedBy()),
                            e.invitedDate().toEpochMilli())));
        }
    }

    private static RoomRef room(Ref room) {
        return new RoomRef(room.id(), room.name(), room.shortname() == null ? "" : room.shortname());
    }

    private static MemberFact member(Member member) {
        return MemberCodec.of(member);
    }

    private static String json(Object frame) {
        return MemberCodec.json().toJson(frame);
    }
}
