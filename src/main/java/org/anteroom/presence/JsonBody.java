package org.anteroom.presence;

import java.io.IOException;
import java.io.InputStream;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.platform.JsonInput;

/**
 * A JSON object request body, read field by field so each mistake gets its own clear 400: not JSON,
 * not an object, a field of the wrong type. Absent and {@code null} fields read as null.
 */
public final class JsonBody {

    static final int MAX_BYTES = 64 * 1024;

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    public static JsonBody read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new MalformedBodyException("The request body could not be read");
        }
        if (bytes.length > MAX_BYTES) {
            throw new MalformedBodyException(413, "The request body is larger than " + MAX_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new MalformedBodyException("A JSON object body is required");
        }
        try {
            JsonValue value = JsonInput.read(bytes);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedBodyException("The request body must be a JSON object");
            }
            return new JsonBody(value.asJsonObject());
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedBodyException("The request body is not valid JSON");
        }
    }

    public String text(String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedBodyException(field + " must be a string");
        }
        return object.getString(field);
    }

    /** A boolean field; absent or null reads as {@code fallback}. */
    public boolean bool(String field, boolean fallback) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw new MalformedBodyException(field + " must be a boolean");
        }
        return value.getValueType() == JsonValue.ValueType.TRUE;
    }
}
