package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.junit.jupiter.api.Test;

/**
 * The outbound queue of one server socket, against a socket that completes sends only when told to
 * (a slow client): sending never waits, messages go out one at a time in order, and a client that
 * falls too far behind is closed instead of holding memory.
 */
class SocketQueueTest {

    /**
     * A socket whose asynchronous sends finish when the test completes them. Only the calls
     * {@link SocketQueue} is meant to make are answered; any other call fails the test loudly.
     */
    static final class SlowSocket {
        final List<String> sent = new ArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        final AtomicBoolean open = new AtomicBoolean(true);
        final AtomicReference<CloseReason> closedWith = new AtomicReference<>();

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            synchronized (this) {
                                sent.add((String) args[0]);
                                pending.add((SendHandler) args[1]);
                            }
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return (Session) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> open.get();
                        case "getId" -> "test";
                        case "close" -> {
                            closedWith.set((CloseReason) args[0]);
                            open.set(false);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void completeOne() {
            SendHandler handler;
            synchronized (this) {
                handler = pending.remove(0);
            }
            handler.onResult(new SendResult());
        }
    }

    @Test
    void messagesGoOutOneAtATimeInOrder() {
        SlowSocket socket = new SlowSocket();
        SocketQueue connection = new SocketQueue(socket.session());
        connection.send("a");
        connection.send("b");
        connection.send("c");
        assertEquals(List.of("a"), socket.sent, "one send in flight at a time");
        socket.completeOne();
        socket.completeOne();
        socket.completeOne();
        assertEquals(List.of("a", "b", "c"), socket.sent);
        assertTrue(socket.pending.isEmpty());
    }

    @Test
    void aClientThatNeverReadsDoesNotBlockTheSenderAndIsClosedWhenTooFarBehind() {
        SlowSocket socket = new SlowSocket();
        SocketQueue connection = new SocketQueue(socket.session());
        long started = System.nanoTime();
        for (int i = 0; i <= SocketQueue.MAX_QUEUED; i++) {
            connection.send("event " + i);
        }
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "queuing must not wait for the client");
        assertNull(socket.closedWith.get(), "a full queue is still within bounds");
        connection.send("one too many");
        assertEquals(
                CloseReason.CloseCodes.TRY_AGAIN_LATER, socket.closedWith.get().getCloseCode());
        assertEquals(1, socket.sent.size());
        connection.send("after close");
        assertEquals(1, socket.sent.size(), "nothing is sent to a closed connection");
    }

    @Test
    void aFailedSendClosesTheConnection() {
        SlowSocket socket = new SlowSocket();
        SocketQueue connection = new SocketQueue(socket.session());
        connection.send("a");
        connection.send("b");
        socket.pending.remove(0).onResult(new SendResult(new java.io.IOException("reset")));
        assertEquals(
                CloseReason.CloseCodes.UNEXPECTED_CONDITION,
                socket.closedWith.get().getCloseCode());
        assertEquals(List.of("a"), socket.sent);
    }
}
