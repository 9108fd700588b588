package org.anteroom.presence.hub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.websocket.Session;

import org.anteroom.platform.SocketFrames.Frame;
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
    /** The last number sent of each stream; guarded by this. */
    private final Map<String, Long> delivered = new HashMap<>();
    /** Live frames waiting while a resume is read; null once released. Guarded by this. */
    private List<Frame> held;
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

    /** Queues a message of no stream ({@code connected}, {@code pong}, {@code error}) and returns at once. */
    void send(String text) {
        out.send(text);
    }

    /**
     * Queues a numbered frame, unless this socket had it already (live and replayed frames can overlap while a
     * resume is read); while the socket is held, keeps it for {@link #release}.
     */
    synchronized void send(Frame frame) {
        if (held != null) {
            held.add(frame);
        } else {
            deliver(frame);
        }
    }

    /** From now on live frames wait, until {@link #release}: a new socket's resume goes out first. */
    synchronized void hold() {
        held = new ArrayList<>();
    }

    /**
     * Sends what a resume found (resync notices, then the missed frames), then the live frames that waited, each
     * frame once; {@code seen} is the last number the client had of each stream it resumes.
     */
    synchronized void release(Map<String, Long> seen, List<String> notices, List<Frame> missed) {
        delivered.putAll(seen);
        notices.forEach(out::send);
        missed.forEach(this::deliver);
        List<Frame> waiting = held == null ? List.of() : held;
        held = null;
        waiting.forEach(this::deliver);
    }

    private void deliver(Frame frame) {
        Long last = delivered.get(frame.stream());
        if (last != null && frame.seq() <= last) {
            return;
        }
        delivered.put(frame.stream(), frame.seq());
        out.send(frame.text());
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
