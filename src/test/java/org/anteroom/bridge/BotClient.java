package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.it.Server;
import org.anteroom.it.WebSocketClient;

/**
 * A chat bot as the TrueConf clients behave: requests with ids of its own choosing, answers matched
 * by id, and every server event acknowledged as it arrives (unless told not to). Events are queued in
 * order; answers are not.
 */
public final class BotClient extends WebSocketClient {

    /** Like python-trueconf-bot: one counter for the whole process, never reset. */
    private static final AtomicLong IDS = new AtomicLong(1000);

    private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonObject> unmatched = new LinkedBlockingQueue<>();
    private volatile boolean autoAck = true;

    private BotClient() {}

    public static BotClient connect(Server server, String path, String... subprotocols) {
        BotClient client = new BotClient();
        client.connect(server.uri("ws", path), subprotocols);
        return client;
    }

    /** Connects at {@code /websocket/chat_bot} and authenticates; returns the auth answer. */
    public static BotClient authenticated(Server server, String token, boolean receiveUnread) {
        BotClient client = connect(server, "websocket/chat_bot");
        JsonObject answer = client.auth(token, receiveUnread);
        assertFalse(answer.containsKey("errorCode"), answer.toString());
        return client;
    }

    public void autoAck(boolean on) {
        autoAck = on;
    }

    public JsonObject auth(String token, boolean receiveUnread) {
        return call(
                "auth",
                Json.createObjectBuilder()
                        .add("token", token)
                        .add("tokenType", "JWT")
                        .add("receiveUnread", receiveUnread)
                        .build());
    }

    /** Sends a request with a fresh id and waits for its answer's payload. */
    public JsonObject call(String method, JsonObject payload) {
        return callWithId(Json.createValue(IDS.incrementAndGet()), method, payload);
    }

    public JsonObject call(String method, String singleQuotedPayload) {
        return call(method, Server.json(singleQuotedPayload).asJsonObject());
    }

    /** A request whose answer is a bare array (getChats). */
    public JsonArray list(String method, String singleQuotedPayload) {
        JsonValue id = Json.createValue(IDS.incrementAndGet());
        return raw(id, request(id, method, Server.json(singleQuotedPayload).asJsonObject()))
                .get("payload")
                .asJsonArray();
    }

    public JsonObject callWithId(JsonValue id, String method, JsonObject payload) {
        return raw(id, request(id, method, payload)).getJsonObject("payload");
    }

    private static String request(JsonValue id, String method, JsonObject payload) {
        return Json.createObjectBuilder()
                .add("type", 1)
                .add("id", id)
                .add("method", method)
                .add("payload", payload)
                .build()
                .toString();
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
                    throw new AssertionError("No answer within " + WAIT + " to " + abbreviated(text));
                }
                return frame;
            }
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(
                    "No answer within " + WAIT + " to " + abbreviated(text) + (open() ? "" : " (the socket closed)"),
                    e);
        }
    }

    /** The next event with this method; events of other methods before it are skipped. */
    public JsonObject next(String method) {
        return next("'" + method + "' event", event -> method.equals(event.getString("method")));
    }

    /**
     * The server answers a request on the socket's queue, behind every event queued before: so the
     * events before the answer are all that finished requests made the server send (acknowledged, as
     * any others). A harmless request, answered even before {@code auth}.
     */
    @Override
    public List<JsonObject> sync() {
        JsonValue id = Json.createValue(IDS.incrementAndGet());
        raw(
                id,
                request(
                        id,
                        "getChats",
                        Json.createObjectBuilder()
                                .add("count", 1)
                                .add("page", 1)
                                .build()));
        return takeAll();
    }

    public void ack(JsonObject event) {
        sendLater(Json.createObjectBuilder()
                .add("type", 2)
                .add("id", event.get("id"))
                .build()
                .toString());
    }

    @Override
    protected void received(JsonObject frame) {
        if (frame.getInt("type") == 1) {
            assertTrue(frame.containsKey("id") && frame.containsKey("method"), frame.toString());
            queue(frame);
            if (autoAck) {
                ack(frame);
            }
        } else {
            CompletableFuture<JsonObject> answer =
                    answers.remove(frame.get("id").toString());
            if (answer != null) {
                answer.complete(frame);
            } else {
                unmatched.add(frame);
            }
        }
    }

    @Override
    protected String describe(JsonObject frame) {
        return frame.getString("method", frame.toString());
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
