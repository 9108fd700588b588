package org.anteroom.platform;

import java.io.ByteArrayInputStream;
import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * JSON text from a client, read into JSON-P values with a nesting limit checked before any parser
 * runs. Parsson's own limit (1000) fails with a bare {@link RuntimeException} that no surface
 * recognises (a 500 and a logged stack trace per request), and other JSON-P providers recurse until
 * the stack overflows. Every failure here is a {@link JsonException}, which each surface already
 * answers with its own "malformed" error.
 */
public final class JsonInput {

    /** No request, frame or hub message of ours comes near it. */
    public static final int MAX_DEPTH = 100;

    private JsonInput() {}

    public static JsonValue read(String text) {
        if (depth(text) > MAX_DEPTH) {
            throw new JsonException(tooDeep());
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** A body as it came; JSON-P detects its encoding. */
    public static JsonValue read(byte[] bytes) {
        if (depth(bytes) > MAX_DEPTH) {
            throw new JsonException(tooDeep());
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        }
    }

    private static String tooDeep() {
        return "JSON may be nested at most " + MAX_DEPTH + " levels deep";
    }

    /** The deepest nesting of arrays and objects, brackets inside strings not counted. */
    static int depth(CharSequence text) {
        Scan scan = new Scan();
        for (int i = 0; i < text.length() && scan.deepest <= MAX_DEPTH; i++) {
            scan.next(text.charAt(i));
        }
        return scan.deepest;
    }

    /** The same over bytes: the structural characters are ASCII, which UTF-8 never uses inside other characters. */
    static int depth(byte[] bytes) {
        Scan scan = new Scan();
        for (int i = 0; i < bytes.length && scan.deepest <= MAX_DEPTH; i++) {
            scan.next((char) (bytes[i] & 0xff));
        }
        return scan.deepest;
    }

    private static final class Scan {

        private int depth;
        private int deepest;
        private boolean inString;
        private boolean escaped;

        void next(char c) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }
}
