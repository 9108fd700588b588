package org.anteroom.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.presence.Presence.Session;

/** A real WebSocket client of {@code /hubs/presence} (the JDK's), collecting the JSON messages it receives. */
final class HubClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration WAIT = Duration.ofSeconds(15);

    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile String closeReason;
    /** Set: the client stops reading, so it no longer answers the server's pings (a dead client). */
    private volatile boolean deaf;
    /** The "connected" message of a client made by {@link #open}. */
    JsonObject hello;

    /** Negotiates for the session's user and connects; returns once the hub said "connected". */
    static HubClient open(Server server, Session session) {
        Reply negotiated = server.get(Presence.P + "negotiate?uuid=" + session.uuid(), session.headers());
        assertEquals(200, negotiated.status(), negotiated.body());
        assertEquals("/hubs/presence", negotiated.object().getString("path"));
        HubClient client = connect(server, negotiated.object().getString("token"));
        client.hello = client.next("connected");
        assertEquals(session.uuid(), client.hello.getString("user"));
        return client;
    }

    /** Connects with this token (or none), without waiting for anything. */
    static HubClient connect(Server server, String token) {
        HubClient client = new HubClient();
        String query = token == null ? "" : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(server.uri("ws", "hubs/presence" + query), client).join();
        return client;
    }

    /** The next message of this type; messages of other types before it are skipped. */
    JsonObject next(String type) {
        List<String> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                JsonObject message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("No '" + type + "' message; skipped " + skipped);
                }
                if (type.equals(message.getString("type"))) {
                    return message;
                }
                skipped.add(message.getString("type"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Everything received within the pause, in order: to show that something did NOT arrive. */
    List<JsonObject> drain(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<JsonObject> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The close code the server sent. */
    int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The close reason the server sent, once {@link #closeCode()} returned. */
    String closeReason() {
        return closeReason;
    }

    /** Whether the server closed this connection within the time (false: still open). */
    boolean closedWithin(Duration time) {
        try {
            closed.get(time.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Stops reading: from the next frame on, pings go unanswered, as from a client that vanished. */
    void deafen() {
        deaf = true;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                received.add(reader.readObject());
            }
            partial.setLength(0);
        }
        if (!deaf) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        if (!deaf) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (deaf) {
            // A vanished client says nothing more; the server closed its side already.
            socket.abort();
        } else if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
