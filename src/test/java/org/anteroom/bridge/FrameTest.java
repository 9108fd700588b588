package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.platform.UnknownEntityException;
import org.junit.jupiter.api.Test;

/** The frame codec and typed payload reads: what is a frame, what is answered 307, and ids kept exactly. */
class FrameTest {

    @Test
    void requestsAndAcknowledgementsAreRead() {
        Frame request = Frame.parse("{\"type\":1,\"id\":17,\"method\":\"auth\",\"payload\":{\"token\":\"t\"}}");
        assertEquals(Frame.REQUEST, request.type());
        assertEquals(Json.createValue(17), request.id());
        assertEquals("auth", request.method());
        assertEquals("t", request.payload().getString("token"));

        Frame ack = Frame.parse("{\"type\":2,\"id\":5}");
        assertEquals(Frame.RESPONSE, ack.type());
        assertNull(ack.method());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, ack.payload());

        assertEquals(
                JsonValue.EMPTY_JSON_OBJECT,
                Frame.parse("{\"type\":1,\"id\":\"x\",\"method\":\"m\"}").payload());
        assertEquals(
                JsonValue.EMPTY_JSON_OBJECT,
                Frame.parse("{\"type\":1,\"id\":\"x\",\"method\":\"m\",\"payload\":null}")
                        .payload());
    }

    @Test
    void whatIsNotAFrameKeepsTheIdItCarried() {
        assertEquals(JsonValue.NULL, malformed("nope").id());
        assertEquals(JsonValue.NULL, malformed("[1]").id());
        assertEquals(JsonValue.NULL, malformed("{\"type\":1,\"method\":\"m\"}").id());
        assertEquals(
                Json.createValue("a"),
                malformed("{\"type\":3,\"id\":\"a\",\"method\":\"m\"}").id());
        assertEquals(
                Json.createValue(9),
                malformed("{\"type\":\"1\",\"id\":9,\"method\":\"m\"}").id());
        assertEquals(Json.createValue(9), malformed("{\"type\":1,\"id\":9}").id());
        assertEquals(
                Json.createValue(9),
                malformed("{\"type\":1,\"id\":9,\"method\":\" \"}").id());
        assertEquals(
                Json.createValue(9),
                malformed("{\"type\":1,\"id\":9,\"method\":\"m\",\"payload\":[]}")
                        .id());
    }

    @Test
    void answersEchoTheIdExactly() {
        JsonObject answer = read(Frame.response(Json.createValue(123456789012345L), JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(123456789012345L, answer.getJsonNumber("id").longValue());
        JsonObject error = read(Frame.error(Json.createValue("x-1"), 200, "no"));
        assertEquals("x-1", error.getString("id"));
        assertEquals(200, error.getJsonObject("payload").getInt("errorCode"));
        JsonObject event = read(Frame.event(3, "sendMessage", "{\"a\":1}"));
        assertEquals(1, event.getInt("type"));
        assertEquals(3, event.getInt("id"));
        assertEquals(1, event.getJsonObject("payload").getInt("a"));
    }

    @Test
    void payloadFieldsAreTypedAndIdsMayBeNumbers() {
        Payload payload =
                new Payload(read("{\"chatId\":42,\"text\":\"hi\",\"count\":5,\"flag\":true,\"big\":99999999999}"));
        assertEquals("42", payload.id("chatId"));
        assertEquals("hi", payload.text("text"));
        assertEquals(5, payload.integer("count", 1, 1, 10));
        assertEquals(7, payload.integer("absent", 7, 1, 10));
        assertEquals(true, payload.bool("flag", false));
        assertNull(payload.optionalId("absent"));
        assertEquals(
                307,
                assertThrows(FrameException.class, () -> payload.text("count")).code());
        assertEquals(
                307,
                assertThrows(FrameException.class, () -> payload.integer("big", 1, 1, 10))
                        .code());
        assertEquals(
                307,
                assertThrows(FrameException.class, () -> payload.integer("text", 1, 1, 10))
                        .code());
        assertEquals(
                307,
                assertThrows(FrameException.class, () -> payload.bool("text", false))
                        .code());
        assertEquals(
                307,
                assertThrows(FrameException.class, () -> payload.object("text")).code());
        assertEquals(
                307,
                assertThrows(FrameException.class, () -> payload.text("absent")).code());
    }

    @Test
    void userIdsMayCarryAResourceOrLeaveOutTheDomain() {
        String domain = BotIds.DEFAULT_DOMAIN;
        assertEquals("bot", BotIds.login("bot@" + domain + "/connection", domain));
        assertEquals("bot", BotIds.login("bot", domain));
        assertEquals("bot", BotIds.login("bot@ANTEROOM.local", domain));
        assertThrows(UnknownEntityException.class, () -> BotIds.login("bot@elsewhere.example", domain));
        assertThrows(UnknownEntityException.class, () -> BotIds.login("@" + domain, domain));
        assertThrows(UnknownEntityException.class, () -> BotIds.login(null, domain));
    }

    private static Frame.Malformed malformed(String text) {
        return assertThrows(Frame.Malformed.class, () -> Frame.parse(text));
    }

    private static JsonObject read(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
