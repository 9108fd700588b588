package org.anteroom.rooms;

import java.time.Instant;

/**
 * What happens in rooms, fired by the room facades inside their transaction. Observers that talk to
 * the outside (the realtime hub) hand what they send to {@code platform.AfterCommit}, so nothing is
 * announced that was rolled back and a transaction's events go out in the order fired (decision
 * 0018). That is the seam where a cluster would publish them to a distributed topic.
 */
public sealed interface RoomEvent {

    /** The room the event happened in. */
    Ref room();

    /** A room as events and views name it; {@code shortname} is null for a facility room that has none yet. */
    record Ref(String id, String name, String shortname) {

        static Ref of(Room room) {
            return new Ref(room.id(), room.name(), room.shortname());
        }
    }

    /**
     * Why someone is no longer in a room. {@code OFFLINE}: no live session keeps them there any more
     * (logout, expiry, a disabled account, or the last hub socket closed and the grace ran out).
     */
    enum Departure {
        LEFT,
        DISCONNECTED,
        KICKED,
        MOVED,
        OFFLINE
    }

    /** Someone not yet approved asked to enter: the room is told, and the asker is told to wait. */
    record JoinRequested(Ref room, Member member) implements RoomEvent {}

    /** Someone in the room let a waiting user in. */
    record Approved(Ref room, Member member, Member approvedBy) implements RoomEvent {}

    /** A user is now in the room (created it, entered, or was approved). */
    record MemberJoined(Ref room, Member member) implements RoomEvent {}

    /** A user is no longer in the room. */
    record MemberLeft(Ref room, Member member, Departure departure) implements RoomEvent {}

    /** A member with room_kick removed this user from the room and revoked its approval. */
    record Kicked(Ref room, Member member, Member kickedBy) implements RoomEvent {}

    /**
     * An email address was invited into the room; {@code inviteeId} is the user who proved that address,
     * or null when nobody has.
     */
    record Invited(Ref room, String inviteeId, String inviteeEmail, Member invitedBy, Instant invitedDate)
            implements RoomEvent {}
}
