package org.anteroom.it;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A real WebSocket client of the server under test (the JDK's) that speaks JSON text frames: it
 * connects, queues what it receives, waits for a frame or for the close (bounded by {@link #WAIT},
 * failing with what was awaited and what came instead), sends one frame at a time and closes. The hub
 * and bot clients are thin protocol layers on it; each says how to {@link #sync} with its server.
 */
public abstract class WebSocketClient implements AutoCloseable {

    /** Generous: a busy machine makes a run slower, never red. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SLICE = Duration.ofMillis(100);
    private static final int LISTED = 20;
    /**
     * How long the answer to a server's close is held back. Payara 6.2025.10 ends the upgraded request
     * as soon as it has sent its own close frame; a close frame (or FIN) the client sends while that
     * request is being finished reaches a recycled request and now and then spoils an unrelated one (a
     * hung upgrade, a 404 or 301). Held back this long, the answer meets a closed connection. Measured by
     * bench/close-race.sh; docs/admin.md, "WebSocket closes on Payara".
     */
    private static final Duration CLOSE_ANSWER_HOLD = Duration.ofMillis(250);

    /** The close the server sent. */
    public record Close(int code, String reason) {}

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    /** The JDK's client takes one send at a time; acknowledgements queued here go out in order. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "it-websocket-sender");
        thread.setDaemon(true);
        return thread;
    });

    private final StringBuilder partial = new StringBuilder();
    /** Set: the client stops reading, so it no longer answers the server's pings (a client that vanished). */
    private volatile boolean deaf;

    private WebSocket socket;

    /** Opens the socket; returns once the server accepted the upgrade (it may close at once after). */
    protected final void connect(URI uri, String... subprotocols) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        try {
            socket = open(builder, uri);
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof WebSocketHandshakeException refused)
                    || refused.getResponse().statusCode() != 404) {
                throw e;
            }
            // Payara 6 now and then answers an upgrade 404 while it is still finishing the previous
            // upgrade (a recycled request, see CLOSE_ANSWER_HOLD and ServerLog#inConnectorOnly): the hub
            // never saw it, so its single-use token is unspent. A reconnecting client tries again; so
            // does this one, once.
            System.err.println("The upgrade to " + uri.getPath() + " was answered 404; trying once more");
            socket = open(builder, uri);
        }
    }

    private WebSocket open(WebSocket.Builder builder, URI uri) {
        return builder.buildAsync(uri, new Listener())
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /** Each text frame as it arrives, on the listener thread; by default it is queued for the test. */
    protected void received(JsonObject frame) {
        queue(frame);
    }

    protected final void queue(JsonObject frame) {
        received.add(frame);
    }

    /** How a frame is named in failure messages. */
    protected String describe(JsonObject frame) {
        String text = frame.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    /**
     * Everything the server sent this socket before it took in a request sent now (a round trip whose
     * answer the server queues behind what it queued before). Anything a finished request made the server
     * send has arrived once this returns: the way to show that something did NOT arrive.
     */
    public abstract List<JsonObject> sync();

    /** The next frame that matches; frames before it are skipped. Fails after {@link #WAIT}, or once closed. */
    public final JsonObject next(String what, Predicate<JsonObject> matching) {
        List<JsonObject> skipped = new ArrayList<>();
        return find(matching, skipped, false).orElseThrow(() -> missing(what, skipped));
    }

    /** The next frame that matches, or empty once the socket closed without one; fails after {@link #WAIT}. */
    public final Optional<JsonObject> nextOrClose(String what, Predicate<JsonObject> matching) {
        List<JsonObject> skipped = new ArrayList<>();
        Optional<JsonObject> found = find(matching, skipped, true);
        if (found.isEmpty() && open()) {
            throw missing(what + " or a close", skipped);
        }
        return found;
    }

    /** The frames before the next one that matches (which is taken too); fails like {@link #next}. */
    protected final List<JsonObject> before(String what, Predicate<JsonObject> matching) {
        List<JsonObject> skipped = new ArrayList<>();
        find(matching, skipped, false).orElseThrow(() -> missing(what, skipped));
        return skipped;
    }

    /** The next frame that matches if it arrives within the time (others are skipped): a bounded look, no failure. */
    public final Optional<JsonObject> poll(Predicate<JsonObject> matching, Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        try {
            for (long left = time.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                JsonObject frame = received.poll(left, TimeUnit.NANOSECONDS);
                if (frame != null && matching.test(frame)) {
                    return Optional.of(frame);
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Everything received by the end of the pause. Only for what no {@link #sync} can prove absent: traffic
     * a timer of the server might send (a sweep, a delayed backlog), so time has to pass on purpose.
     */
    public final List<JsonObject> quietFor(Duration pause) {
        Eventually.pause(pause);
        List<JsonObject> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** Everything queued now, without waiting. */
    protected final List<JsonObject> takeAll() {
        List<JsonObject> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    private Optional<JsonObject> find(Predicate<JsonObject> matching, List<JsonObject> skipped, boolean orClose) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() - deadline < 0) {
                JsonObject frame =
                        received.poll(Math.min(SLICE.toNanos(), deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    if (!open() && received.isEmpty()) {
                        // Nothing more will come: the close is the answer, or the failure.
                        return Optional.empty();
                    }
                } else if (matching.test(frame)) {
                    return Optional.of(frame);
                } else {
                    skipped.add(frame);
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private AssertionError missing(String what, List<JsonObject> skipped) {
        StringBuilder message = new StringBuilder("No ").append(what);
        message.append(open() ? " within " + WAIT : " before the socket closed (" + closeDescription() + ")");
        message.append("; received meanwhile ").append(skipped.size()).append(": ");
        skipped.stream()
                .limit(LISTED)
                .forEach(frame -> message.append(describe(frame)).append(' '));
        if (skipped.size() > LISTED) {
            message.append("...");
        }
        return new AssertionError(message.toString().trim());
    }

    private String closeDescription() {
        try {
            Close close = closed.getNow(null);
            return close == null ? "?" : close.code() + " " + close.reason();
        } catch (RuntimeException e) {
            return "failed: " + e.getCause();
        }
    }

    /** Sends a text frame and waits until it is out. */
    public void send(String text) {
        try {
            sender.submit(() -> socket.sendText(text, true).join()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(
                    "Could not send " + (text.length() > 200 ? text.substring(0, 200) + "..." : text), e);
        }
    }

    /** Queues a text frame behind those sent before; for the listener thread, which must not wait. */
    protected final void sendLater(String text) {
        sender.submit(() -> socket.sendText(text, true).join());
    }

    /** The close the server sent, once it comes; fails after {@link #WAIT}. */
    public final Close awaitClose() {
        return awaitClose(WAIT);
    }

    /** The close the server sent, once it comes; fails after the time. */
    public final Close awaitClose(Duration time) {
        try {
            return closed.get(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "The socket was not closed within " + time + "; received meanwhile "
                            + takeAll().stream().map(this::describe).toList(),
                    e);
        } catch (ExecutionException e) {
            throw new AssertionError("The socket failed instead of closing", e.getCause());
        }
    }

    public final int closeCode() {
        return awaitClose().code();
    }

    public final String closeReason() {
        return awaitClose().reason();
    }

    /** Whether no close came yet (now; to show that a close does not come, see {@link #quietFor}). */
    public final boolean open() {
        return !closed.isDone();
    }

    public final String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Stops reading: from the next frame on, pings go unanswered, as from a client that vanished. */
    public final void deafen() {
        deaf = true;
    }

    /** Closes after every frame queued so far has gone out, and waits (bounded) for the server's close. */
    @Override
    public void close() {
        try {
            if (deaf) {
                // A vanished client says nothing more; the server closed its side already.
                socket.abort();
                return;
            }
            if (closed.isDone() && !closed.isCompletedExceptionally()) {
                // The server closed first; the JDK answers it once the hold is over (Listener#onClose).
                return;
            }
            sender.submit(() -> {
                        if (!socket.isOutputClosed()) {
                            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                        }
                    })
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socket.abort();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            socket.abort();
        } finally {
            sender.shutdown();
        }
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame;
                try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                    frame = reader.readObject();
                }
                partial.setLength(0);
                received(frame);
            }
            if (!deaf) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            if (!deaf) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            // The JDK answers the close when this stage completes (see CLOSE_ANSWER_HOLD).
            return CompletableFuture.runAsync(
                    () -> {}, CompletableFuture.delayedExecutor(CLOSE_ANSWER_HOLD.toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
