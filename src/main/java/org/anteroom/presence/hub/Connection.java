package org.anteroom.presence.hub;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.Session;

import org.anteroom.platform.SocketQueue;

/** One open hub socket of a user, the session it was opened under, and the room whose traffic it receives. */
final class Connection {

    private static final ByteBuffer PING =
            ByteBuffer.wrap(new byte[] {'h', 'u', 'b'}).asReadOnlyBuffer();

    private final SocketQueue out;
    /** The directory id of the user; the presence uuid is only what the client is told. */
    private final String userId;

    private final String sessionId;
    /** A ping went out and no pong came back yet. */
    private volatile boolean awaitingPong;
    /** The room whose traffic this connection receives; guarded by the {@link Connections} registry. */
    private String roomId;

    Connection(Session session, String userId, String sessionId) {
        this.out = new SocketQueue(session);
        this.userId = userId;
        this.sessionId = sessionId;
    }

    String id() {
        return out.session().getId();
    }

    String userId() {
        return userId;
    }

    String sessionId() {
        return sessionId;
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

    void close(Closing why) {
        out.close(why.code(), why.reason());
    }

    /** Pings the client; false when it did not answer the previous ping (gone, or stuck). */
    boolean ping() {
        if (awaitingPong) {
            return false;
        }
        awaitingPong = true;
        try {
            out.session().getAsyncRemote().sendPing(PING.duplicate());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    void ponged() {
        awaitingPong = false;
    }
}
