package org.anteroom.bridge;

import static org.anteroom.it.Server.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat-bot bridge, black-box, with real WebSocket clients behaving like the TrueConf client
 * libraries: the token endpoint, the server probe, the socket's handshake, authorization and error
 * codes, and malformed frames.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BridgeIT {

    static final String WS = "websocket/chat_bot";

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    // --- HTTP ---

    @Test
    void theServerProbeNamesAVersionClientsAcceptAndTheDomain() {
        Reply reply = new Server(deployment).get("api/v4/server");
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/json", reply.header("Content-Type"));
        JsonObject product = reply.object().getJsonObject("product");
        assertEquals("5.5.3", product.getString("version"));
        assertEquals(Bots.DOMAIN, product.getString("display_name"));
    }

    @Test
    void aPasswordGrantGivesAJwtWithExpiryInJsonOrAsAForm() throws Exception {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "grant");
        long before = Instant.now().getEpochSecond();
        Reply json = Bots.grant(
                server,
                "{\"client_id\": \"chat_bot\", \"grant_type\": \"password\", \"username\": \"" + bot.username()
                        + "\", \"password\": \"" + Bots.PASSWORD + "\", \"client_secret\": \"\"}");
        assertEquals(201, json.status(), json.body());
        assertEquals("*", json.header("Access-Control-Allow-Origin"));
        JsonObject token = json.object();
        assertEquals(List.of("access_token", "token_type", "expires_in", "expires_at"), List.copyOf(token.keySet()));
        assertEquals("JWT", token.getString("token_type"));
        assertEquals(3600, token.getJsonNumber("expires_in").longValue(), "configured for the ITs");
        long expiresAt = token.getJsonNumber("expires_at").longValue();
        // The server clock may have been moved forward by other tests; the claim and the answer agree.
        String[] parts = token.getString("access_token").split("\\.");
        assertEquals(3, parts.length);
        JsonObject claims = Json.createReader(new java.io.StringReader(
                        new String(Base64.getUrlDecoder().decode(parts[1]))))
                .readObject();
        assertEquals(expiresAt, claims.getJsonNumber("exp").longValue());
        assertTrue(expiresAt >= before + 3600, "expires_at " + expiresAt);

        Reply form = server.postForm(
                Bots.TOKEN_PATH,
                form(
                        "client_id",
                        "chat_bot",
                        "grant_type",
                        "password",
                        "username",
                        bot.botId(),
                        "password",
                        Bots.PASSWORD));
        assertEquals(201, form.status(), form.body());
        assertEquals("JWT", form.object().getString("token_type"));
        assertNotEquals(token.getString("access_token"), form.object().getString("access_token"));
    }

    @Test
    void everyFailedGrantIsAnOAuthErrorAndWrongCredentialsLookAlike() {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "fail");
        assertOAuth(
                Bots.grant(server, grant("chat_bot", "password", bot.username(), "wrong-password")),
                400,
                "invalid_grant",
                "Invalid username or password");
        assertOAuth(
                Bots.grant(server, grant("chat_bot", "password", "nobody-" + bot.username(), Bots.PASSWORD)),
                400,
                "invalid_grant",
                "Invalid username or password");
        assertOAuth(
                Bots.grant(server, grant("web_app", "password", bot.username(), Bots.PASSWORD)),
                400,
                "invalid_client",
                null);
        assertOAuth(
                Bots.grant(server, grant("chat_bot", "client_credentials", bot.username(), Bots.PASSWORD)),
                400,
                "unsupported_grant_type",
                null);
        assertOAuth(
                Bots.grant(server, "{\"client_id\": \"chat_bot\", \"username\": \"" + bot.username() + "\"}"),
                400,
                "invalid_request",
                null);
        assertOAuth(
                Bots.grant(
                        server,
                        "{\"client_id\": \"chat_bot\", \"grant_type\": \"password\", \"username\": \"" + bot.username()
                                + "\"}"),
                400,
                "invalid_request",
                null);
        assertOAuth(
                Bots.grant(
                        server,
                        "{\"client_id\": \"chat_bot\", \"grant_type\": \"password\", \"username\": 7,"
                                + " \"password\": \"x\"}"),
                400,
                "invalid_request",
                null);
        assertOAuth(Bots.grant(server, "not json"), 400, "invalid_request", null);
        assertOAuth(Bots.grant(server, "[1, 2]"), 400, "invalid_request", null);
        assertOAuth(Bots.grant(server, ""), 400, "invalid_request", null);
        assertOAuth(
                Bots.grant(
                        server,
                        "{\"client_id\": \"chat_bot\", \"grant_type\": \"password\", \"username\": \""
                                + "x".repeat(20_000) + "\", \"password\": \"x\"}"),
                400,
                "invalid_request",
                null);

        // A refused account is told so only to someone who knows its password.
        Account suspended = Bots.user(server, "susp", "SUSPENDED");
        assertOAuth(
                Bots.grant(server, grant("chat_bot", "password", suspended.username(), Bots.PASSWORD)),
                400,
                "invalid_grant",
                "User account is suspended");
        assertOAuth(
                Bots.grant(server, grant("chat_bot", "password", suspended.username(), "wrong-password")),
                400,
                "invalid_grant",
                "Invalid username or password");
    }

    @Test
    void failedGrantsAreThrottledLikeEveryOtherLogin() {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "throttle");
        for (int i = 0; i < 5; i++) {
            assertOAuth(
                    Bots.grant(server, grant("chat_bot", "password", bot.username(), "wrong-" + i)),
                    400,
                    "invalid_grant",
                    "Invalid username or password");
        }
        // Even the right password is refused now: the account's failures are used up (5 per hour in the ITs).
        assertOAuth(
                Bots.grant(server, grant("chat_bot", "password", bot.username(), Bots.PASSWORD)),
                429,
                "invalid_grant",
                null);
    }

    // --- the socket ---

    @Test
    void bothPathsWithAndWithoutTheSubprotocolAuthorizeWithAnyId() {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "paths");
        String token = Bots.token(server, bot.username());
        for (String path : List.of(WS, WS + "/")) {
            try (BotClient plain = BotClient.connect(server, path);
                    BotClient offered = BotClient.connect(server, path, "json.v1")) {
                assertEquals("", plain.subprotocol(), "nothing offered, nothing selected (json.v1 is assumed)");
                assertEquals("json.v1", offered.subprotocol());
                JsonObject answer = plain.callWithId(Json.createValue(17), "auth", authPayload(token));
                assertEquals(List.of("userId", "connectionId"), List.copyOf(answer.keySet()));
                assertTrue(answer.getString("userId").startsWith(bot.botId() + "/"), answer.toString());
                assertEquals(answer.getString("userId"), bot.botId() + "/" + answer.getString("connectionId"));
                JsonObject second = offered.callWithId(Json.createValue("auth-" + path), "auth", authPayload(token));
                assertNotEquals(answer.getString("connectionId"), second.getString("connectionId"));
                // The id comes back exactly as sent, whatever it is.
                JsonObject raw = offered.raw(
                        Json.createValue(123456789012L),
                        "{\"type\":1,\"id\":123456789012,\"method\":\"getChats\",\"payload\":{\"count\":5,\"page\":1}}");
                assertEquals(123456789012L, raw.getJsonNumber("id").longValue());
                assertEquals(JsonValue.ValueType.ARRAY, raw.get("payload").getValueType());
            }
        }
    }

    @Test
    void beforeAuthEveryRequestIsRefusedWith200AndBadTokensGetTheirCodes() {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "door");
        String token = Bots.token(server, bot.username());
        try (BotClient client = BotClient.connect(server, WS)) {
            assertEquals(
                    200, client.call("getChats", "{'count': 10, 'page': 1}").getInt("errorCode"));
            assertEquals(
                    200,
                    client.callWithId(
                                    Json.createValue("x-1"),
                                    "sendMessage",
                                    Json.createObjectBuilder().build())
                            .getInt("errorCode"));
            assertEquals(200, client.call("noSuchMethod", "{}").getInt("errorCode"));
            assertEquals(201, client.auth("not-a-jwt", false).getInt("errorCode"));
            assertEquals(201, client.call("auth", "{'tokenType': 'JWT'}").getInt("errorCode"));
            assertEquals(201, client.call("auth", "{'token': 42}").getInt("errorCode"));
            String foreign = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmF0dXJl";
            assertEquals(201, client.auth(foreign, false).getInt("errorCode"));
            assertEquals(
                    204,
                    client.call("auth", "{'token': 'x', 'tokenType': 'Basic'}").getInt("errorCode"));
            // Still not authorized, still open.
            assertEquals(
                    200, client.call("getChats", "{'count': 10, 'page': 1}").getInt("errorCode"));
            JsonObject ok = client.auth(token, false);
            assertFalse(ok.containsKey("errorCode"), ok.toString());
            assertEquals(0, client.list("getChats", "{'count': 10, 'page': 1}").size(), "a new bot is in no chat");
        }
    }

    @Test
    void aDisabledUsersTokenIs202() {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "disabled");
        String token = Bots.token(server, bot.username());
        Bots.suspend(server, bot);
        try (BotClient client = BotClient.connect(server, WS)) {
            assertEquals(202, client.auth(token, false).getInt("errorCode"));
        }
    }

    @Test
    void anExpiredTokenIs203() {
        Server server = new Server(deployment);
        Account bot = Bots.user(server, "expired");
        String token = Bots.token(server, bot.username());
        Reply advanced = server.postForm("ops/clock/advance?seconds=3601", "");
        assertEquals(200, advanced.status(), advanced.body());
        try (BotClient client = BotClient.connect(server, WS)) {
            assertEquals(203, client.auth(token, false).getInt("errorCode"));
        }
    }

    @Test
    void malformedFramesAreAnsweredWithAnErrorAndTheConnectionStays() {
        Server server = new Server(deployment);
        try (BotClient client = Bots.bot(server, Bots.user(server, "frames"))) {
            assertError(client.raw(JsonValue.NULL, "this is not json"), 307);
            assertError(client.raw(JsonValue.NULL, "[1,2,3]"), 307);
            assertError(client.raw(JsonValue.NULL, "{\"type\":1,\"method\":\"getChats\"}"), 307);
            assertError(client.raw(Json.createValue(5001), "{\"type\":1,\"id\":5001}"), 307);
            assertError(
                    client.raw(Json.createValue(5002), "{\"type\":\"1\",\"id\":5002,\"method\":\"getChats\"}"), 307);
            assertError(client.raw(Json.createValue(5003), "{\"type\":7,\"id\":5003,\"method\":\"getChats\"}"), 307);
            assertError(
                    client.raw(
                            Json.createValue(5004), "{\"type\":1,\"id\":5004,\"method\":\"getChats\",\"payload\":[1]}"),
                    307);
            assertError(
                    client.raw(
                            Json.createValue(5005),
                            "{\"type\":1,\"id\":5005,\"method\":\"sendMessage\",\"payload\":{\"chatId\":true}}"),
                    307);
            assertError(
                    client.raw(
                            Json.createValue(5006),
                            "{\"type\":1,\"id\":5006,\"method\":\"getChats\",\"payload\":{\"count\":\"ten\"}}"),
                    307);
            assertError(
                    client.raw(
                            Json.createValue(5007),
                            "{\"type\":1,\"id\":5007,\"method\":\"sendMessage\","
                                    + "\"payload\":{\"chatId\":\"c\",\"content\":{\"text\":\"" + "x".repeat(200_000)
                                    + "\"}}}"),
                    307);
            assertEquals(307, client.call("noSuchMethod", "{}").getInt("errorCode"));
            assertEquals(307, client.call("sendSurvey", "{'chatId': 'x'}").getInt("errorCode"));
            // An acknowledgement of nothing we sent is ignored, not answered.
            client.send("{\"type\":2,\"id\":99999}");
            assertTrue(client.open());
            assertEquals(
                    JsonValue.ValueType.ARRAY,
                    client.raw(
                                    Json.createValue(5008),
                                    "{\"type\":1,\"id\":5008,\"method\":\"getChats\",\"payload\":{\"count\":5,\"page\":1}}")
                            .get("payload")
                            .getValueType());
        }
    }

    static void assertError(JsonObject frame, int code) {
        assertEquals(2, frame.getInt("type"), frame.toString());
        JsonObject payload = frame.getJsonObject("payload");
        assertEquals(code, payload.getInt("errorCode"), frame.toString());
        assertFalse(payload.getString("errorDescription").isBlank());
    }

    static JsonObject authPayload(String token) {
        return Json.createObjectBuilder()
                .add("token", token)
                .add("tokenType", "JWT")
                .add("receiveUnread", false)
                .build();
    }

    private static String grant(String clientId, String grantType, String username, String password) {
        return Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("grant_type", grantType)
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
    }

    private static void assertOAuth(Reply reply, int status, String error, String description) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
        assertEquals(error, reply.object().getString("error"), reply.body());
        if (description != null) {
            assertEquals(description, reply.object().getString("error_description"));
        }
        assertFalse(reply.object().containsKey("access_token"));
    }
}
