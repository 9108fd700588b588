package org.anteroom.bridge;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Typed reads of a request's payload. A missing or mistyped field is a {@link FrameException} with
 * code 307 naming the field. Ids may come as strings or integers (clients coerce either way).
 */
final class Payload {

    private final JsonObject json;

    Payload(JsonObject json) {
        this.json = json;
    }

    JsonObject json() {
        return json;
    }

    String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw missing(name, "a string");
        }
        return value;
    }

    String optionalText(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw missing(name, "a string");
    }

    /** An id: a string, or an integer the client did not quote. */
    String id(String name) {
        String value = optionalId(name);
        if (value == null) {
            throw missing(name, "an id");
        }
        return value;
    }

    String optionalId(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw missing(name, "an id");
    }

    int integer(String name, int fallback, int min, int max) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            long n = number.longValue();
            if (n >= min && n <= max && number.bigIntegerValue().bitLength() < 63) {
                return (int) n;
            }
            throw new FrameException(ErrorCodes.UNKNOWN_MESSAGE, name + " must be between " + min + " and " + max);
        }
        throw missing(name, "an integer");
    }

    long size(String name) {
        JsonValue value = json.get(name);
        if (value instanceof JsonNumber number
                && number.isIntegral()
                && number.bigIntegerValue().bitLength() < 63
                && number.longValue() >= 0) {
            return number.longValue();
        }
        throw missing(name, "a number of bytes");
    }

    boolean bool(String name, boolean fallback) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw missing(name, "true or false");
    }

    Payload object(String name) {
        JsonValue value = json.get(name);
        if (value instanceof JsonObject object) {
            return new Payload(object);
        }
        throw missing(name, "an object");
    }

    Payload optionalObject(String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return object(name);
    }

    private static FrameException missing(String name, String what) {
        return new FrameException(ErrorCodes.UNKNOWN_MESSAGE, name + " must be " + what);
    }
}
