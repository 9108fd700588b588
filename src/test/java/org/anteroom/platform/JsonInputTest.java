package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class JsonInputTest {

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void readsShallowJson() {
        JsonObject object = JsonInput.read("{\"a\": [1, {\"b\": \"[[[{\"}]}").asJsonObject();
        assertEquals("[[[{", object.getJsonArray("a").getJsonObject(1).getString("b"));
        assertEquals(
                1, JsonInput.read(nested(JsonInput.MAX_DEPTH)).asJsonArray().size(), "the limit itself is allowed");
    }

    @Test
    void refusesDeepNestingBeforeParsing() {
        assertThrows(JsonException.class, () -> JsonInput.read(nested(JsonInput.MAX_DEPTH + 1)));
        assertThrows(JsonException.class, () -> JsonInput.read(nested(100_000)));
        assertThrows(JsonException.class, () -> JsonInput.read(nested(5000).getBytes(StandardCharsets.UTF_8)));
        // Unbalanced, as an attacker sends it: only the opening brackets count.
        assertThrows(JsonException.class, () -> JsonInput.read("{\"a\":" + "[".repeat(2000)));
    }

    @Test
    void bracketsInStringsAndEscapesDoNotCount() {
        String inString = "{\"a\": \"" + "[".repeat(5000) + "\\\"" + "{".repeat(5000) + "\"}";
        assertEquals(1, JsonInput.depth(inString));
        assertEquals(1, JsonInput.depth(inString.getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                5000,
                JsonInput.read(inString)
                        .asJsonObject()
                        .getString("a")
                        .chars()
                        .filter(c -> c == '[')
                        .count());
    }

    @Test
    void malformedJsonIsAJsonException() {
        assertThrows(JsonException.class, () -> JsonInput.read("{"));
    }
}
