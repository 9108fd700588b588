package org.anteroom.hub;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

/**
 * One open hub socket of a user. Messages go out one at a time through the container's asynchronous
 * send; the rest wait in a bounded queue. A client that lets {@value #MAX_QUEUED} messages pile up is
 * closed rather than allowed to hold memory or slow anyone else.
 */
final class Connection {

    static final int MAX_QUEUED = 512;
    private static final Logger LOG = Logger.getLogger(Connection.class.getName());

    private final Session session;
    private final String userUuid;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    /** The room whose traffic this connection receives; guarded by the {@link Connections} registry. */
    private String roomId;

    Connection(Session session, String userUuid) {
        this.session = session;
        this.userUuid = userUuid;
    }

    String id() {
        return session.getId();
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
        if (!session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            close(CloseCodes.TRY_AGAIN_LATER, "Too slow to receive events");
            return;
        }
        queue.add(text);
        drain();
    }

    private void drain() {
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            String next = queue.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            queued.decrementAndGet();
            try {
                session.getAsyncRemote().sendText(next, result -> {
                    sending.set(false);
                    if (result.isOK()) {
                        drain();
                    } else {
                        close(CloseCodes.UNEXPECTED_CONDITION, "Send failed");
                    }
                });
            } catch (RuntimeException e) {
                sending.set(false);
                close(CloseCodes.UNEXPECTED_CONDITION, "Send failed");
                return;
            }
        }
    }

    void close(CloseReason.CloseCode code, String reason) {
        queue.clear();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a hub connection failed", e);
        }
    }
}
