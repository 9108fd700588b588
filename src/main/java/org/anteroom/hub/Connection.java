package org.anteroom.hub;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.anteroom.platform.SocketQueue;

/** One open hub socket of a user, and the room whose traffic it receives. */
final class Connection {

    private final SocketQueue out;
    private final String userUuid;
    /** The room whose traffic this connection receives; guarded by the {@link Connections} registry. */
    private String roomId;

    Connection(Session session, String userUuid) {
        this.out = new SocketQueue(session);
        this.userUuid = userUuid;
    }

    String id() {
        return out.session().getId();
    }

    String userUuid() {
        return userUuid;
    }

    String roomId() {
        return roomId;
    }

    void roomId(String roomId) {
        this.roomId = roomId;
    }

    /** Queues the message and returns at once. */
    void send(String text) {
        out.send(text);
    }

    void close(CloseReason.CloseCode code, String reason) {
        out.close(code, reason);
    }
}
