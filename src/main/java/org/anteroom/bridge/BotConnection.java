package org.anteroom.bridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.anteroom.platform.SocketQueue;

/**
 * One bot's socket: who it is once authenticated, and the events it has not acknowledged yet. Every
 * event gets the next id of this connection; the acknowledgement of a message event is what marks
 * the message read. Small on purpose: an idle bot holds little more than its socket.
 */
final class BotConnection {

    /** A backlog of 1000 unread messages plus live traffic fits; a client that falls further behind is closed. */
    static final int MAX_QUEUED = 2048;

    private static final int REMEMBERED_MESSAGES = 2048;

    /** An event sent and not yet acknowledged: the message it carried (0 for other events), and when. */
    record Pending(long messageId, long sentAt) {}

    private final SocketQueue out;
    private final String baseUrl;
    private final AtomicLong nextEventId = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>(4);
    /** The messages this connection was given, so the unread backlog and live traffic never repeat one. */
    private Map<Long, Boolean> given;

    private volatile String userId;
    private volatile String botId;
    /**
     * When the client's last acknowledgement was taken in: a client still acknowledging is alive, however far behind.
     */
    private volatile long lastHeard;

    BotConnection(Session session, String baseUrl) {
        this.out = new SocketQueue(session, MAX_QUEUED);
        this.baseUrl = baseUrl;
    }

    String id() {
        return out.session().getId();
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean authenticated() {
        return userId != null;
    }

    String userId() {
        return userId;
    }

    String botId() {
        return botId;
    }

    void authenticated(String userId, String botId) {
        this.userId = userId;
        this.botId = botId;
    }

    void send(String text) {
        out.send(text);
    }

    /**
     * Sends an event; a message event only if this connection has not been given that message.
     *
     * @param messageId the message a {@code sendMessage} event carries, else 0
     */
    void push(String method, String payload, long messageId, long now) {
        if (messageId != 0 && !firstTime(messageId)) {
            return;
        }
        long id = nextEventId.incrementAndGet();
        pending.put(id, new Pending(messageId, now));
        if (pending.size() > MAX_QUEUED) {
            // Acknowledging some events but never others must not grow this map without end.
            out.close(CloseReason.CloseCodes.GOING_AWAY, "Too many unacknowledged events");
            return;
        }
        out.send(Frame.event(id, method, payload));
    }

    /** The acknowledged event, if it was one of ours still waiting. */
    Pending acknowledged(long eventId) {
        return pending.remove(eventId);
    }

    void heard(long now) {
        lastHeard = now;
    }

    /**
     * Whether an event sent before the given instant is still unacknowledged and no acknowledgement
     * came since: a dead connection, not one whose acknowledgements we are still taking in.
     */
    boolean waitingSince(long before) {
        if (lastHeard >= before) {
            return false;
        }
        for (Pending p : pending.values()) {
            if (p.sentAt() < before) {
                return true;
            }
        }
        return false;
    }

    void close(CloseReason.CloseCode code, String reason) {
        out.close(code, reason);
    }

    /** Sends a last answer and closes once it is out (a connection never registered has no other traffic). */
    void refuse(String answer, CloseReason.CloseCode code, String reason) {
        try {
            out.session().getAsyncRemote().sendText(answer, result -> out.close(code, reason));
        } catch (RuntimeException e) {
            out.close(code, reason);
        }
    }

    private synchronized boolean firstTime(long messageId) {
        if (given == null) {
            given = new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > REMEMBERED_MESSAGES;
                }
            };
        }
        return given.put(messageId, Boolean.TRUE) == null;
    }
}
