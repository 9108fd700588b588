package org.anteroom.presence.hub;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;
import org.anteroom.platform.SocketFrames.Frame;
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
 * Turns room events into hub messages (docs/hub-events.md) for the connections concerned, which events and
 * connections both name by user id. Observed inside the firing transaction, where each message is rendered and
 * numbered in its stream ({@link Streams}); sent through {@link AfterCommit}, so a transaction's messages go out
 * once it committed and in the order its events were fired (an approval before the join it causes), on the thread
 * that committed. It only queues messages, so the request that caused the event is not held up by any socket.
 */
@ApplicationScoped
class RoomEventRelay {

    @Inject
    Connections connections;

    @Inject
    Streams streams;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    /**
     * Renders and numbers the event's frames inside the transaction, then, once it committed, moves the sockets
     * the event moves and sends the frames here; the same frames go to the other nodes of a cluster.
     */
    void relay(@Observes RoomEvent event) {
        List<Frame> frames = frames(event);
        afterCommit.run(() -> {
            move(event);
            streams.deliver(frames);
        });
        streams.announce(frames);
    }

    /** Another node committed it: its frames come separately ({@link Streams}); the sockets here move here. */
    void relay(@Observes Elsewhere committed) {
        if (committed.event() instanceof RoomEvent event) {
            move(event);
        }
    }

    private void move(RoomEvent event) {
        if (event instanceof MemberJoined e && !e.member().embeddedNode()) {
            connections.moveUser(e.member().userId(), e.room().id());
        } else if (event instanceof MemberLeft e) {
            connections.leaveRoom(e.member().userId(), e.room().id());
        }
    }

    private List<Frame> frames(RoomEvent event) {
        String roomId = event.room().id();
        long at = clock.millis();
        if (event instanceof JoinRequested e) {
            return List.of(
                    streams.room(roomId, json(new OfMember("join-requested", at, room(e.room()), member(e.member())))),
                    streams.user(e.member().userId(), json(new Plain("waiting", at, room(e.room())))));
        } else if (event instanceof Approved e) {
            return List.of(streams.user(
                    e.member().userId(),
                    json(new RoomFrames.Approved("approved", at, room(e.room()), member(e.approvedBy())))));
        } else if (event instanceof MemberJoined e) {
            return List.of(streams.room(
                    roomId,
                    e.member().userId(),
                    json(new OfMember("member-joined", at, room(e.room()), member(e.member())))));
        } else if (event instanceof MemberLeft e) {
            return List.of(streams.room(
                    roomId,
                    json(new Left(
                            "member-left",
                            at,
                            room(e.room()),
                            member(e.member()),
                            e.departure().name().toLowerCase(Locale.ROOT)))));
        } else if (event instanceof Kicked e) {
            return List.of(streams.user(
                    e.member().userId(),
                    json(new RoomFrames.Kicked("kicked", at, room(e.room()), member(e.kickedBy())))));
        } else if (event instanceof Invited e && e.inviteeId() != null) {
            return List.of(streams.user(
                    e.inviteeId(),
                    json(new RoomFrames.Invited(
                            "invited",
                            at,
                            room(e.room()),
                            member(e.invitedBy()),
                            e.invitedDate().toEpochMilli()))));
        }
        return List.of();
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
