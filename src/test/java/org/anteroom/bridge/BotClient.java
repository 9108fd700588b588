package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.anteroom.it.Server;

/**
 * A chat bot as the TrueConf clients behave, on the JDK's WebSocket client: requests with ids of its
 * own choosing, answers matched by id, and every server event acknowledged as it arrives (unless told
 * not to). Events are collected in order.
 */
public final class BotClient implements WebSocket.Listener, AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Like python-trueconf-bot: one counter for the whole process, never reset. */
    private static final AtomicLong IDS = new AtomicLong(1000);

    public final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonObject> unmatched = new LinkedBlockingQueue<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean autoAck = true;
    private WebSocket socket;

    public static BotClient connect(Server server, String path, String... subprotocols) {
        BotClient client = new BotClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.socket = builder.buildAsync(server.uri("ws", path), client).join();
        return client;
    }

    /** Connects at {@code /websocket/chat_bot} and authenticates; returns the auth answer. */
    public static BotClient authenticated(Server server, String token, boolean receiveUnread) {
        BotClient client = connect(server, "websocket/chat_bot");
        JsonObject answer = client.auth(token, receiveUnread);
        assertFalse(answer.containsKey("errorCode"), answer.toString());
        return client;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void autoAck(boolean on) {
        autoAck = on;
    }

    public JsonObject auth(String token, boolean receiveUnread) {
        return call("auth", Json.createObjectBuilder().add("token", token).add("tokenType", "JWT")
                .add("receiveUnread", receiveUnread).build());
    }

    /** Sends a request with a fresh id and waits for its answer's payload. */
    public JsonObject call(String method, JsonObject payload) {
        return callWithId(Json.createValue(IDS.incrementAndGet()), method, payload);
    }

    public JsonObject call(String method, String singleQuotedPayload) {
        return call(method, Server.json(singleQuotedPayload).asJsonObject());
    }

    /** A request whose answer is a bare array (getChats). */
    public jakarta.json.JsonArray list(String method, String singleQuotedPayload) {
        JsonValue id = Json.createValue(IDS.incrementAndGet());
        return raw(id, request(id, method, Server.json(singleQuotedPayload).asJsonObject())).get("payload").asJsonArray();
    }

    private static String request(JsonValue id, String method, JsonObject payload) {
        return Json.createObjectBuilder().add("type", 1).add("id", id).add("method", method)
                .add("payload", payload).build().toString();
    }

    public JsonObject callWithId(JsonValue id, String method, JsonObject payload) {
        return raw(id, Json.createObjectBuilder().add("type", 1).add("id", id).add("method", method)
                .add("payload", payload).build().toString()).getJsonObject("payload");
    }

    /** Sends any text as a frame expecting an answer with this id (JSON null: the first answer nobody waits for). */
    public JsonObject raw(JsonValue id, String text) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        if (id != JsonValue.NULL) {
            answers.put(id.toString(), answer);
        }
        send(text);
        try {
            if (id == JsonValue.NULL) {
                JsonObject frame = unmatched.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == null) {
                    throw new AssertionError("No answer to " + abbreviated(text));
                }
                return frame;
            }
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("No answer to " + abbreviated(text), e);
        }
    }

    /** The next event with this method; events of other methods before it are skipped. */
    public JsonObject next(String method) {
        List<String> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                JsonObject event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("No '" + method + "' event; skipped " + skipped);
                }
                if (method.equals(event.getString("method"))) {
                    return event;
                }
                skipped.add(event.getString("method"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every event that arrives within the pause: to show that something did NOT arrive. */
    public List<JsonObject> drain(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<JsonObject> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    public void ack(JsonObject event) {
        sendLater(Json.createObjectBuilder().add("type", 2).add("id", event.get("id")).build().toString());
    }

    public void send(String text) {
        try {
            sender.submit(() -> socket.sendText(text, true).join()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not send " + abbreviated(text), e);
        }
    }

    public int closeCode() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean open() {
        return !closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame;
            try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                frame = reader.readObject();
            }
            partial.setLength(0);
            if (frame.getInt("type") == 1) {
                assertTrue(frame.containsKey("id") && frame.containsKey("method"), frame.toString());
                events.add(frame);
                if (autoAck) {
                    ack(frame);
                }
            } else {
                CompletableFuture<JsonObject> answer = answers.remove(frame.get("id").toString());
                if (answer != null) {
                    answer.complete(frame);
                } else {
                    unmatched.add(frame);
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Closes after every acknowledgement queued so far has gone out. */
    @Override
    public void close() {
        try {
            sender.submit(() -> {
                if (!socket.isOutputClosed()) {
                    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                }
            }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            socket.abort();
        } finally {
            sender.shutdown();
        }
    }

    private void sendLater(String text) {
        sender.submit(() -> socket.sendText(text, true).join());
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
