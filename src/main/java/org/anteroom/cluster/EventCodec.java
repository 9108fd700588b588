package org.anteroom.cluster;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.anteroom.access.AccessEvent;
import org.anteroom.access.TokensRevoked;
import org.anteroom.chat.ChatEvent;
import org.anteroom.platform.SocketFrames;
import org.anteroom.rooms.RoomEvent;

/**
 * The events on the wire between nodes: {@code {"type": <class name>, "event": <the record in JSON-B>}}. Only the
 * records that the domain's sealed event types permit are written or read, so a message can never make a node build
 * an arbitrary class. A type this node does not know (a newer node's, during a rolling upgrade) is skipped with a
 * warning instead of failing the rest.
 */
final class EventCodec {

    private static final Logger LOG = Logger.getLogger(EventCodec.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Map<String, Class<?>> TYPES = types();

    private EventCodec() {}

    /** Whether the event goes to the other nodes. */
    static boolean crosses(Object event) {
        return TYPES.get(event.getClass().getName()) == event.getClass();
    }

    static String encode(Object event) {
        if (!crosses(event)) {
            throw new IllegalArgumentException(
                    "Not an event between nodes: " + event.getClass().getName());
        }
        return Json.createObjectBuilder()
                .add("type", event.getClass().getName())
                .add(
                        "event",
                        Json.createReader(new StringReader(JSONB.toJson(event))).readObject())
                .build()
                .toString();
    }

    /** The events of one message, in order. */
    static List<Object> decode(String body) {
        List<Object> events = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject envelope = value.asJsonObject();
                String type = envelope.getString("type");
                Class<?> known = TYPES.get(type);
                if (known == null) {
                    LOG.warning(() -> "Skipped an event of a type this node does not know: " + type);
                    continue;
                }
                events.add(JSONB.fromJson(envelope.getJsonObject("event").toString(), known));
            }
        }
        return events;
    }

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> types = new HashMap<>();
        Stream.of(RoomEvent.class, ChatEvent.class, AccessEvent.class)
                .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
                .forEach(type -> types.put(type.getName(), type));
        types.put(TokensRevoked.class.getName(), TokensRevoked.class);
        types.put(SocketFrames.class.getName(), SocketFrames.class);
        types.values().forEach(type -> {
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " must be a record to cross nodes");
            }
        });
        return Map.copyOf(types);
    }
}
