package org.anteroom.bridge;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Registers the bot socket at both paths clients use: {@code /websocket/chat_bot} (python-trueconf-bot)
 * and {@code /websocket/chat_bot/} (the official document, other clients). Subprotocol {@code json.v1}
 * is selected when offered; without the header it is assumed. Annotated endpoints (the presence hub)
 * are kept as scanned.
 */
public class BotSockets implements ServerApplicationConfig {

    public static final String PATH = "/websocket/chat_bot";
    public static final String SUBPROTOCOL = "json.v1";

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        ServerEndpointConfig.Configurator configurator = new ServerEndpointConfig.Configurator() {
            /**
             * The handshake's headers are seen only here; the user properties written now are this
             * connection's own copy (Jakarta WebSocket 2.1, "Handshake Modification").
             */
            @Override
            public void modifyHandshake(
                    ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
                config.getUserProperties()
                        .put(BotEndpoint.BASE_URL, BaseUrl.of(request.getHeaders(), request.getRequestURI()));
            }

            @Override
            public <T> T getEndpointInstance(Class<T> type) {
                return type.cast(
                        new BotEndpoint(CDI.current().select(BotProtocol.class).get()));
            }
        };
        return Set.of(PATH, PATH + "/").stream()
                .map(path -> ServerEndpointConfig.Builder.create(BotEndpoint.class, path)
                        .subprotocols(List.of(SUBPROTOCOL))
                        .configurator(configurator)
                        .build())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
