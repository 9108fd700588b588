package org.anteroom.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.platform.JsonInput;

/**
 * A JSON object request body, read field by field so that each mistake gets a 400 naming its field:
 * not JSON, not an object, a field of the wrong type. Absent and {@code null} fields read as null;
 * unknown fields are ignored. JSON-B would bind records too, but its errors name no field.
 */
final class JsonBody {

    static final int MAX_BYTES = 64 * 1024;

    private final JsonObject object;

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    static JsonBody read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new MalformedRequestException("The request body could not be read");
        }
        if (bytes.length > MAX_BYTES) {
            throw new MalformedRequestException(413, "The request body is larger than " + MAX_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new MalformedRequestException("A JSON object body is required");
        }
        JsonValue value;
        try {
            value = JsonInput.read(bytes);
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedRequestException("The request body is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedRequestException("The request body must be a JSON object");
        }
        return new JsonBody(value.asJsonObject());
    }

    String text(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedRequestException(field + " must be a string");
        }
        return object.getString(field);
    }

    Boolean bool(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new MalformedRequestException(field + " must be true or false");
        };
    }

    /** A whole number, as a revision is. */
    Long number(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new MalformedRequestException(field + " must be a whole number");
        }
        try {
            return ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedRequestException(field + " must be a whole number");
        }
    }

    List<String> texts(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedRequestException(field + " must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new MalformedRequestException(field + " must be an array of strings");
            }
            texts.add(((jakarta.json.JsonString) item).getString());
        }
        return texts;
    }

    private JsonValue value(String field) {
        JsonValue value = object.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }
}
