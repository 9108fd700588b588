package org.anteroom.rooms;

import java.util.List;

/** A room with the people in it, or with {@code members} null for a caller not approved for it. */
public record RoomView(Room room, List<Member> members) {
}
