package org.anteroom.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.WebSocketClient;
import org.anteroom.presence.Presence.Session;

/** A client of {@code /hubs/presence}: negotiating, connecting, and its messages by type (docs/hub-events.md). */
final class HubClient extends WebSocketClient {

    /** The "connected" message of a client made by {@link #open}. */
    JsonObject hello;

    private HubClient() {}

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

    /**
     * Negotiates and connects naming the last frame seen of each stream ({@code user:7,room:<uuid>:12}); returns
     * once the hub said "connected".
     */
    static HubClient resume(Server server, Session session, String resume) {
        Reply negotiated = server.get(Presence.P + "negotiate?uuid=" + session.uuid(), session.headers());
        assertEquals(200, negotiated.status(), negotiated.body());
        HubClient client = connect(server, negotiated.object().getString("token"), resume);
        client.hello = client.next("connected");
        return client;
    }

    /** Connects with this token (or none), without waiting for anything. */
    static HubClient connect(Server server, String token) {
        return connect(server, token, null);
    }

    /** Connects with this token (or none) and this resume (or none), without waiting for anything. */
    static HubClient connect(Server server, String token, String resume) {
        HubClient client = new HubClient();
        List<String> query = new java.util.ArrayList<>();
        if (token != null) {
            query.add("access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        if (resume != null) {
            query.add("resume=" + URLEncoder.encode(resume, StandardCharsets.UTF_8));
        }
        client.connect(server.uri("ws", "hubs/presence" + (query.isEmpty() ? "" : "?" + String.join("&", query))));
        return client;
    }

    /** The stream and number a frame carries, as the hub URL's {@code resume} names them. */
    static String position(JsonObject frame) {
        return frame.getString("stream") + ":" + frame.getJsonNumber("seq").longValue();
    }

    /** The next message of this type; messages of other types before it are skipped. */
    JsonObject next(String type) {
        return next("'" + type + "' message", typed(type));
    }

    /** The "connected" message, or empty when the hub closed the socket instead (a refused token). */
    Optional<JsonObject> connectedOrClosed() {
        return nextOrClose("'connected' message", typed("connected"));
    }

    /** Whether the hub let this socket in: it said "connected" rather than closing. */
    boolean admitted() {
        return connectedOrClosed().isPresent();
    }

    /**
     * The hub answers a ping on the socket's queue, behind every message queued before: so the
     * messages before the pong are all that finished requests made the hub send.
     */
    @Override
    public List<JsonObject> sync() {
        send("{\"type\":\"ping\"}");
        return before("'pong' message", typed("pong"));
    }

    @Override
    protected String describe(JsonObject message) {
        return message.getString("type", message.toString());
    }

    private static Predicate<JsonObject> typed(String type) {
        return message -> type.equals(message.getString("type", null));
    }
}
