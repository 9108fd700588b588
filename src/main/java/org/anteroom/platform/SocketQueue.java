package org.anteroom.platform;

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
 * The outbound side of one server WebSocket (hub and bridge alike). Messages go out one at a time
 * through the container's asynchronous send; the rest wait in a bounded queue. A client that lets
 * more messages pile up than the bound ({@value #MAX_QUEUED} unless told otherwise) is closed rather
 * than allowed to hold memory or slow anyone else, and a sender never waits for a client.
 */
public final class SocketQueue {

    public static final int MAX_QUEUED = 512;
    private static final Logger LOG = Logger.getLogger(SocketQueue.class.getName());

    private final Session session;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final int maxQueued;

    public SocketQueue(Session session) {
        this(session, MAX_QUEUED);
    }

    public SocketQueue(Session session, int maxQueued) {
        this.session = session;
        this.maxQueued = maxQueued;
    }

    public Session session() {
        return session;
    }

    public boolean open() {
        return session.isOpen();
    }

    /** Queues the message and returns at once. */
    public void send(String text) {
        if (!session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
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
            // Without the application's class loader as the thread's context loader: a container may
            // hand every send to a managed executor (Tyrus restarts its idle timer on each one), and
            // capturing the context of that task can mean a service lookup through every jar of the
            // class loader — most of a fan-out's CPU on Payara (decision 0025). The send needs none
            // of the application's classes.
            Thread thread = Thread.currentThread();
            ClassLoader loader = thread.getContextClassLoader();
            thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
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
            } finally {
                thread.setContextClassLoader(loader);
            }
        }
    }

    public void close(CloseReason.CloseCode code, String reason) {
        queue.clear();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a socket failed", e);
        }
    }
}
