package org.anteroom.presence.hub;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;

/**
 * The open hub connections of this server, by user and by room. Sending walks concurrent sets without
 * locking; moving connections between rooms (rare next to sending) is serialized here.
 */
@ApplicationScoped
class Connections {

    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byRoom = new ConcurrentHashMap<>();

    synchronized void add(Connection connection) {
        byUser.computeIfAbsent(connection.userUuid(), u -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    synchronized void remove(Connection connection) {
        Set<Connection> own = byUser.get(connection.userUuid());
        if (own != null) {
            own.remove(connection);
            if (own.isEmpty()) {
                byUser.remove(connection.userUuid());
            }
        }
        place(connection, null);
    }

    /** Puts one connection into a room's traffic, as at connect time, unless it was moved meanwhile. */
    synchronized void placeIfUnplaced(Connection connection, String roomId) {
        if (connection.roomId() == null && byUser.getOrDefault(connection.userUuid(), Set.of()).contains(connection)) {
            place(connection, roomId);
        }
    }

    /** Every connection of the user now receives this room's traffic (null: no room's). */
    synchronized void moveUser(String userUuid, String roomId) {
        byUser.getOrDefault(userUuid, Set.of()).forEach(connection -> place(connection, roomId));
    }

    /** The user's connections stop receiving this room's traffic (if that is the room they receive). */
    synchronized void leaveRoom(String userUuid, String roomId) {
        byUser.getOrDefault(userUuid, Set.of()).stream()
                .filter(connection -> roomId.equals(connection.roomId()))
                .forEach(connection -> place(connection, null));
    }

    /** The user's connections, or those opened under one of the user's sessions (sessionId not null). */
    List<Connection> of(String userUuid, String sessionId) {
        return byUser.getOrDefault(userUuid == null ? "" : userUuid, Set.of()).stream()
                .filter(connection -> sessionId == null || sessionId.equals(connection.sessionId()))
                .toList();
    }

    List<Connection> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }

    void toRoom(String roomId, JsonObjectBuilder message) {
        Set<Connection> members = byRoom.getOrDefault(roomId, Set.of());
        if (!members.isEmpty()) {
            String text = message.build().toString();
            members.forEach(connection -> connection.send(text));
        }
    }

    void toUser(String userUuid, JsonObjectBuilder message) {
        Set<Connection> own = userUuid == null ? Set.of() : byUser.getOrDefault(userUuid, Set.of());
        if (!own.isEmpty()) {
            String text = message.build().toString();
            own.forEach(connection -> connection.send(text));
        }
    }

    private void place(Connection connection, String roomId) {
        String previous = connection.roomId();
        if (previous != null) {
            Set<Connection> members = byRoom.get(previous);
            if (members != null) {
                members.remove(connection);
                if (members.isEmpty()) {
                    byRoom.remove(previous);
                }
            }
        }
        connection.roomId(roomId);
        if (roomId != null) {
            byRoom.computeIfAbsent(roomId, r -> ConcurrentHashMap.newKeySet()).add(connection);
        }
    }
}
