package org.anteroom.bridge;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

import org.anteroom.access.AccessTokens;
import org.anteroom.access.BotPrincipal;
import org.anteroom.bridge.ErrorCodes.Failure;
import org.anteroom.chat.Messages;
import org.anteroom.chat.Views.MessageView;
import org.anteroom.platform.Settings;

/**
 * The conversation on one bot socket: every frame is answered (or, for an acknowledgement, taken
 * note of), requests before a successful {@code auth} get 200, and after {@code auth} with
 * {@code receiveUnread} the unread backlog follows, a moment after the answer so that clients have
 * finished their own setup (chatbot-protocol.md, section 4).
 */
@ApplicationScoped
class BotProtocol {

    /** Larger frames are answered with 307; the container refuses frames over {@link BotEndpoint#MAX_FRAME_BYTES}. */
    static final int MAX_FRAME_CHARS = 64 * 1024;

    static final int UNREAD_MAX = 1000;
    private static final Logger LOG = Logger.getLogger(BotProtocol.class.getName());

    @Inject
    AccessTokens tokens;

    @Inject
    Messages messages;

    @Inject
    BotConnections connections;

    @Inject
    BotMethods methods;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * A new socket: closed with 4010 unless it authenticates within {@code anteroom.bridge.auth-timeout-seconds} (10).
     */
    void opened(BotConnection connection) {
        scheduler.schedule(
                () -> {
                    if (!connection.authenticated()) {
                        connection.close(BotConnections.NOT_AUTHENTICATED_IN_TIME, "not authenticated in time");
                    }
                },
                Math.max(1, Settings.number(BridgeSettings.AUTH_TIMEOUT_SECONDS, 10)),
                TimeUnit.SECONDS);
    }

    void frame(BotConnection connection, String text) {
        Frame frame;
        try {
            frame = Frame.parse(text);
        } catch (Frame.Malformed malformed) {
            Failure failure = ErrorCodes.of(malformed);
            connection.send(Frame.error(malformed.id(), failure.code(), failure.description()));
            return;
        }
        if (text.length() > MAX_FRAME_CHARS) {
            connection.send(Frame.error(
                    frame.id(),
                    ErrorCodes.UNKNOWN_MESSAGE,
                    "Frames may have at most " + MAX_FRAME_CHARS + " characters"));
            return;
        }
        if (frame.type() == Frame.RESPONSE) {
            connection.heard(clock.millis());
            acknowledged(connection, frame.id());
        } else if ("auth".equals(frame.method())) {
            auth(connection, frame);
        } else if (!connection.authenticated()) {
            connection.send(Frame.error(frame.id(), ErrorCodes.NOT_AUTHORIZED, "Authorize with auth first"));
        } else {
            try {
                connection.send(Frame.response(
                        frame.id(), methods.call(connection, frame.method(), new Payload(frame.payload()))));
            } catch (RuntimeException e) {
                Failure failure = ErrorCodes.of(e);
                connection.send(Frame.error(frame.id(), failure.code(), failure.description()));
            }
        }
    }

    void closed(BotConnection connection) {
        connections.remove(connection);
    }

    private void auth(BotConnection connection, Frame frame) {
        Payload payload = new Payload(frame.payload());
        BotPrincipal bot;
        boolean unread;
        long checked;
        try {
            String tokenType = payload.optionalText("tokenType");
            if (tokenType != null && !"JWT".equalsIgnoreCase(tokenType)) {
                connection.send(
                        Frame.error(frame.id(), ErrorCodes.UNSUPPORTED_CREDENTIALS, "Only JWT tokens are supported"));
                return;
            }
            unread = payload.bool("receiveUnread", false);
            payload.bool("receiveSystemMessageEnvelopes", false);
            checked = connections.epoch();
            bot = tokens.verifyBot(payload.optionalText("token"));
        } catch (RuntimeException e) {
            Failure failure = ErrorCodes.auth(e);
            connection.send(Frame.error(frame.id(), failure.code(), failure.description()));
            return;
        }
        if (connection.authenticated() && !connection.userId().equals(bot.userId())) {
            connection.send(
                    Frame.error(frame.id(), ErrorCodes.ACCESS_DENIED, "This connection belongs to another user"));
            return;
        }
        if (!connection.authenticated()) {
            connection.authenticated(bot.userId(), BotIds.of(bot.chatLogin()));
            BotConnections.Refusal refused = connections.add(connection, checked);
            if (refused == BotConnections.TOO_MANY) {
                // Answered first, so that clients end the bot instead of reconnecting into the cap.
                connection.refuse(
                        Frame.error(
                                frame.id(),
                                ErrorCodes.ACCESS_DENIED,
                                "At most " + connections.maxPerUser() + " connections per user"),
                        refused.code(),
                        refused.reason());
                return;
            }
            if (refused != null) {
                connection.close(refused.code(), refused.reason());
                return;
            }
        }
        connection.send(Frame.response(
                frame.id(),
                Json.createObjectBuilder()
                        .add("userId", connection.botId() + "/" + connection.id())
                        .add("connectionId", connection.id())
                        .build()));
        if (unread) {
            scheduler.schedule(
                    () -> backlog(connection),
                    Settings.number(BridgeSettings.UNREAD_DELAY_MILLIS, 50),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The bot's unread messages, oldest first; messages this connection already has are not repeated. */
    private void backlog(BotConnection connection) {
        try {
            acknowledgements.flush();
            List<MessageView> backlog = messages.unread(connection.userId(), UNREAD_MAX);
            long now = clock.millis();
            backlog.forEach(message ->
                    connection.push("sendMessage", ChatJson.message(message).toString(), message.id(), now));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Delivering a bot's unread messages failed", e);
        }
    }

    /** An acknowledgement of one of our events; for a message event it marks the message read (in a batch). */
    private void acknowledged(BotConnection connection, JsonValue id) {
        if (!connection.authenticated() || !(id instanceof JsonNumber number) || !number.isIntegral()) {
            return;
        }
        BotConnection.Pending pending = connection.acknowledged(number.longValue());
        if (pending != null && pending.messageId() != 0) {
            acknowledgements.add(connection.userId(), pending.messageId());
        }
    }
}
