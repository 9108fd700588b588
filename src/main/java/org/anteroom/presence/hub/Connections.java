package org.anteroom.presence.hub;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.platform.Meters;
import org.anteroom.platform.SocketFrames.Frame;

/**
 * The open hub connections of this server, by user and by room. Sending walks concurrent sets without
 * locking; moving connections between rooms (rare next to sending) is serialized here.
 */
@ApplicationScoped
class Connections {

    static final Meters.Metric METRIC = new Meters.Metric("anteroom_hub_connections", "Hub sockets open on this node");

    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byRoom = new ConcurrentHashMap<>();

    @Inject
    Meters meters;

    @PostConstruct
    void init() {
        meters.gauge(METRIC, () -> byUser.values().stream().mapToLong(Set::size).sum());
    }

    /** Made at startup, so that the gauge is there before the first socket. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        byUser.size();
    }

    synchronized void add(Connection connection) {
        byUser.computeIfAbsent(connection.userId(), u -> ConcurrentHashMap.newKeySet())
                .add(connection);
    }

    synchronized void remove(Connection connection) {
        Set<Connection> own = byUser.get(connection.userId());
        if (own != null) {
            own.remove(connection);
            if (own.isEmpty()) {
                byUser.remove(connection.userId());
            }
        }
        place(connection, null);
    }

    /** Puts one connection into a room's traffic, as at connect time, unless it was moved meanwhile. */
    synchronized void placeIfUnplaced(Connection connection, String roomId) {
        if (connection.roomId() == null
                && byUser.getOrDefault(connection.userId(), Set.of()).contains(connection)) {
            place(connection, roomId);
        }
    }

    /** Every connection of the user now receives this room's traffic (null: no room's). */
    synchronized void moveUser(String userId, String roomId) {
        byUser.getOrDefault(userId, Set.of()).forEach(connection -> place(connection, roomId));
    }

    /** The user's connections stop receiving this room's traffic (if that is the room they receive). */
    synchronized void leaveRoom(String userId, String roomId) {
        byUser.getOrDefault(userId, Set.of()).stream()
                .filter(connection -> roomId.equals(connection.roomId()))
                .forEach(connection -> place(connection, null));
    }

    /** The user's connections, or those opened under one of the user's sessions (sessionId not null). */
    List<Connection> of(String userId, String sessionId) {
        return byUser.getOrDefault(userId == null ? "" : userId, Set.of()).stream()
                .filter(connection -> sessionId == null || sessionId.equals(connection.sessionId()))
                .toList();
    }

    /** The connections receiving the room's traffic. */
    List<Connection> inRoom(String roomId) {
        return List.copyOf(byRoom.getOrDefault(roomId, Set.of()));
    }

    List<Connection> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }

    /** Sends the frame to the connections receiving the room's traffic. */
    void toRoom(String roomId, Frame frame) {
        byRoom.getOrDefault(roomId, Set.of()).forEach(connection -> connection.send(frame));
    }

    /** Sends the frame to every connection of the user. */
    void toUser(String userId, Frame frame) {
        byUser.getOrDefault(userId, Set.of()).forEach(connection -> connection.send(frame));
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
