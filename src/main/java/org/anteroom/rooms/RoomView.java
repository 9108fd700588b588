package org.anteroom.rooms;

import java.util.List;

import org.anteroom.rooms.RoomEvent.Ref;

/** A room with the people in it, or with {@code members} null for a caller not approved for it. */
public record RoomView(Ref room, List<Member> members) {

    static RoomView of(Room room, List<Member> members) {
        return new RoomView(Ref.of(room), members);
    }
}
