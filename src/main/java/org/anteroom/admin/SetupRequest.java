package org.anteroom.admin;

import java.io.IOException;
import java.io.InputStream;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.JsonInput;

/** The body of {@code POST /admin/setup}: {@code {"code": "...", "password": "..."}}. */
record SetupRequest(String code, String password) {

    static final int MAX_BYTES = 16 * 1024;

    /** Every way a body can be unreadable is a plain 400, never a parser's stack trace. */
    static SetupRequest read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException("The request body could not be read");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("The request body is larger than " + MAX_BYTES + " bytes");
        }
        JsonValue value;
        try {
            value = bytes.length == 0 ? null : JsonInput.read(bytes);
        } catch (JsonException | IllegalStateException e) {
            value = null;
        }
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("The request body must be a JSON object with code and password");
        }
        JsonObject object = value.asJsonObject();
        return new SetupRequest(text(object, "code"), text(object, "password"));
    }

    private static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidInputException(field + " must be a string");
        }
        return object.getString(field);
    }
}
