package org.anteroom.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * One bot socket at {@code /websocket/chat_bot} (with or without the trailing slash, see
 * {@link BotSockets}). Thin: frames go to {@link BotProtocol}.
 */
public class BotEndpoint extends Endpoint {

    /**
     * Frames up to this size reach the protocol (which answers those over 64 KiB with an error);
     * larger ones close the socket (1009). Tyrus applies the session's buffer size only to fragmented
     * messages, so a whole frame is measured here; web.xml sizes Tyrus's frame buffer above it.
     */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private static final String CONNECTION = "anteroom.bridge.connection";
    /** The connection's base of download URLs, put by the handshake ({@link BotSockets}). */
    static final String BASE_URL = "anteroom.bridge.base-url";

    private final BotProtocol protocol;

    BotEndpoint(BotProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        Object base = session.getUserProperties().get(BASE_URL);
        BotConnection connection = new BotConnection(
                session, base instanceof String url ? url : BaseUrl.of(Map.of(), session.getRequestURI()));
        session.getUserProperties().put(CONNECTION, connection);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            if (tooLarge(text)) {
                tooBig(session);
            } else {
                protocol.frame(connection, text);
            }
        });
        protocol.opened(connection);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        forget(session);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        // A client that vanished or sent a frame over the limit: the container closes the socket.
        forget(session);
    }

    private static void tooBig(Session session) {
        try {
            session.close(new CloseReason(
                    CloseReason.CloseCodes.TOO_BIG, "Frames may have at most " + MAX_FRAME_BYTES + " bytes"));
        } catch (IOException e) {
            // The client is gone already.
        }
    }

    /** Over the limit in UTF-8 bytes; a character takes one to three, so most frames need no encoding. */
    static boolean tooLarge(String text) {
        if (text.length() > MAX_FRAME_BYTES) {
            return true;
        }
        return text.length() > MAX_FRAME_BYTES / 3 && text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES;
    }

    private void forget(Session session) {
        Object connection = session.getUserProperties().remove(CONNECTION);
        if (connection instanceof BotConnection bot) {
            protocol.closed(bot);
        }
    }
}
