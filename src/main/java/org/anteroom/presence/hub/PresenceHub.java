package org.anteroom.presence.hub;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.anteroom.access.AccessTokens;
import org.anteroom.access.HubSockets;
import org.anteroom.access.HubSockets.Admission;
import org.anteroom.directory.ProfileView;
import org.anteroom.directory.UserType;
import org.anteroom.directory.Users;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.Failures;
import org.anteroom.platform.JsonInput;
import org.anteroom.platform.UnknownEntityException;

/**
 * {@code /hubs/presence}: opened with the token from {@code GET /presence/negotiate} as the
 * {@code access_token} query parameter. A missing, foreign, expired or used token, or one whose
 * session ended, closes the socket with 1008; a user at the socket cap gets 4008. The socket then
 * receives the events of the user's room and the user's own (docs/hub-events.md); the client may
 * send {@code {"type": "ping"}}.
 */
@ServerEndpoint(PresenceHub.PATH)
public class PresenceHub {

    public static final String PATH = "/hubs/presence";
    private static final String CONNECTION = "anteroom.hub.connection";
    private static final int MAX_MESSAGE_BYTES = 4096;
    private static final int MAX_RESUME_CHARS = 400;
    private static final String RESUME_SYNTAX =
            "resume must be <stream>:<seq> pairs separated by commas, the stream 'user' or 'room:<uuid>', each once";

    @Inject
    AccessTokens tokens;

    @Inject
    Users users;

    @Inject
    Connections connections;

    @Inject
    HubSockets sockets;

    @Inject
    Streams streams;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(0);
        Map<String, Long> resume;
        try {
            resume = resume(session.getRequestParameterMap().get("resume"));
        } catch (IllegalArgumentException malformed) {
            refuse(session, malformed.getMessage());
            return;
        }
        List<String> values = session.getRequestParameterMap().get("access_token");
        Admission admission;
        try {
            admission = sockets.admit(tokens.verifyHub(values == null || values.isEmpty() ? null : values.get(0)));
        } catch (RuntimeException e) {
            if (!(Failures.unwrap(e) instanceof DomainException refused)) {
                throw e;
            }
            CloseReason refusal = refusal(refused);
            closeNow(session, refusal.getCloseCode(), refusal.getReasonPhrase());
            return;
        }
        Connection connection = new Connection(session, admission.userId(), admission.sessionId());
        connection.hold();
        session.getUserProperties().put(CONNECTION, connection);
        // Registered before the session and the user's room are read again, so that neither an end
        // of the session nor a move that commits meanwhile is lost.
        connections.add(connection);
        if (!sockets.live(admission.sessionId())) {
            connection.close(Closing.SESSION_ENDED);
            return;
        }
        ProfileView user;
        try {
            user = users.profile(admission.userId(), null);
        } catch (RuntimeException e) {
            if (!(Failures.unwrap(e) instanceof UnknownEntityException)) {
                throw e;
            }
            close(session);
            refuse(session, "Unknown user");
            return;
        }
        if (user.roomId() != null && user.type() != UserType.EMBEDDED_NODE) {
            connections.placeIfUnplaced(connection, user.roomId());
        }
        connection.send(Json.createObjectBuilder()
                .add("type", "connected")
                .add("user", admission.userUuid())
                .add("room", connection.roomId() == null ? JsonValue.NULL : Json.createValue(connection.roomId()))
                .build()
                .toString());
        streams.resume(connection, resume);
    }

    /**
     * The {@code resume} parameter: {@code <stream>:<seq>} pairs separated by commas, the stream {@code user} or
     * {@code room:<uuid>}, the number the last one seen of it (docs/hub-events.md, "Resuming").
     */
    static Map<String, Long> resume(List<String> values) {
        Map<String, Long> wanted = new LinkedHashMap<>();
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return wanted;
        }
        if (values.size() > 1 || values.get(0).length() > MAX_RESUME_CHARS) {
            throw new IllegalArgumentException(RESUME_SYNTAX);
        }
        for (String pair : values.get(0).split(",", -1)) {
            int colon = pair.lastIndexOf(':');
            String stream = colon < 0 ? "" : pair.substring(0, colon);
            if (!(stream.equals(Streams.USER) || stream.matches("room:[0-9a-zA-Z-]{1,64}"))
                    || !pair.substring(colon + 1).matches("[0-9]{1,18}")
                    || wanted.put(stream, Long.parseLong(pair.substring(colon + 1))) != null) {
                throw new IllegalArgumentException(RESUME_SYNTAX);
            }
        }
        return wanted;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(Session session, String text) {
        Connection connection = (Connection) session.getUserProperties().get(CONNECTION);
        if (connection == null) {
            return;
        }
        String type = null;
        try {
            JsonValue value = JsonInput.read(text);
            if (value instanceof JsonObject object && object.get("type") instanceof JsonString string) {
                type = string.getString();
            }
        } catch (JsonException | IllegalStateException e) {
            type = null;
        }
        if ("ping".equals(type)) {
            connection.send("{\"type\":\"pong\"}");
        } else {
            connection.send(Json.createObjectBuilder()
                    .add("type", "error")
                    .add("message", "The hub only accepts {\"type\": \"ping\"}")
                    .build()
                    .toString());
        }
    }

    /** The answer to the server's ping (see {@link Heartbeat}). */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        Connection connection = (Connection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            connection.ponged();
        }
    }

    @OnClose
    public void close(Session session) {
        Connection connection = (Connection) session.getUserProperties().remove(CONNECTION);
        if (connection != null) {
            connections.remove(connection);
            sockets.release(connection.sessionId());
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // A client that vanished or sent an oversized frame: the container closes the socket; forget it.
        close(session);
    }

    /** A refused admission's close: a user at the socket cap gets 4008, any other refusal 1008 saying why. */
    static CloseReason refusal(DomainException refused) {
        return switch (refused.kind()) {
            case THROTTLED ->
                new CloseReason(Closing.TOO_MANY_CONNECTIONS.code(), Closing.TOO_MANY_CONNECTIONS.reason());
            case NOT_FOUND, INVALID, UNAUTHENTICATED, FORBIDDEN, CONFLICT, UNAVAILABLE ->
                new CloseReason(CloseCodes.VIOLATED_POLICY, refused.getMessage());
        };
    }

    private static void refuse(Session session, String reason) {
        closeNow(session, CloseCodes.VIOLATED_POLICY, reason);
    }

    private static void closeNow(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            // The client is gone already.
        }
    }
}
