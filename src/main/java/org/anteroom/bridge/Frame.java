package org.anteroom.bridge;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.anteroom.platform.JsonInput;

/**
 * One frame of the chat-bot protocol: {@code {type, id, method, payload}}. Type 1 is a request (from
 * either side), type 2 a response or an acknowledgement. The id may be any JSON value and is echoed
 * as it came.
 */
record Frame(int type, JsonValue id, String method, JsonObject payload) {

    static final int REQUEST = 1;
    static final int RESPONSE = 2;

    /**
     * Reads a frame; what cannot be one is a {@link Malformed} (a {@link FrameException}, 307) carrying
     * whatever id could be read, so the answer still reaches the request it belongs to.
     */
    static Frame parse(String text) {
        JsonValue value;
        try {
            value = JsonInput.read(text);
        } catch (JsonException | IllegalStateException e) {
            throw new Malformed(JsonValue.NULL, "The frame is not JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw new Malformed(JsonValue.NULL, "The frame must be a JSON object");
        }
        JsonValue id = object.getOrDefault("id", JsonValue.NULL);
        if (id == JsonValue.NULL) {
            throw new Malformed(id, "The frame has no id");
        }
        if (!(object.get("type") instanceof JsonNumber number)
                || !number.isIntegral()
                || (number.intValue() != REQUEST && number.intValue() != RESPONSE)) {
            throw new Malformed(id, "type must be 1 (request) or 2 (response)");
        }
        int type = number.intValue();
        JsonValue payload = object.getOrDefault("payload", JsonValue.EMPTY_JSON_OBJECT);
        if (type == RESPONSE) {
            return new Frame(type, id, null, payload instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
        }
        if (!(object.get("method") instanceof JsonString method)
                || method.getString().isBlank()) {
            throw new Malformed(id, "A request needs a method");
        }
        if (payload == JsonValue.NULL) {
            payload = JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(payload instanceof JsonObject)) {
            throw new Malformed(id, "payload must be an object");
        }
        return new Frame(type, id, method.getString(), (JsonObject) payload);
    }

    /** The answer to a request. */
    static String response(JsonValue id, JsonValue payload) {
        return Json.createObjectBuilder()
                .add("type", RESPONSE)
                .add("id", id)
                .add("payload", payload)
                .build()
                .toString();
    }

    static String error(JsonValue id, int code, String description) {
        return response(
                id,
                Json.createObjectBuilder()
                        .add("errorCode", code)
                        .add("errorDescription", description == null ? "" : description)
                        .build());
    }

    /** A server-side request (an event); the payload is already serialized, so fan-out serializes once. */
    static String event(long id, String method, String payload) {
        return "{\"type\":1,\"id\":" + id + ",\"method\":\"" + method + "\",\"payload\":" + payload + "}";
    }

    /** A frame that is not a usable frame, with the id it carried (JSON null when none could be read). */
    static final class Malformed extends FrameException {

        private static final long serialVersionUID = 1L;

        private final transient JsonValue id;

        Malformed(JsonValue id, String description) {
            super(ErrorCodes.UNKNOWN_MESSAGE, description);
            this.id = id;
        }

        JsonValue id() {
            return id;
        }
    }
}
