package org.anteroom.it;

import static org.anteroom.it.Server.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.anteroom.bridge.BotClient;
import org.anteroom.bridge.Bots;
import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Server.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's hardening, tried as an attacker would, across the legacy API, the bot bridge and the
 * platform's own endpoints: secrets in request URLs, deep JSON, oversized bot frames, the WADL, the
 * error page, the test clock, control characters in names and the spec's form-encoded DELETE. Every
 * test reads the server's log afterwards ({@link ServerLog}): no secret it used, no stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HardeningIT {

    private static final String PS = "PresentationServices/";
    private static final String PASSWORD = "anteroom-demo";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final int MIB = 1024 * 1024;

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    private static String token(Server server) {
        return server.postForm(
                        PS + "validateAccount",
                        form(
                                "username",
                                "sigal",
                                "password",
                                PASSWORD,
                                "deviceId",
                                UUID.randomUUID().toString().substring(0, 12)))
                .object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
    }

    private static void assertSuccess(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.object().getJsonObject("statusFact").getBoolean("success"), reply.body());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void formEncodedRequestsWithAQueryLeakNothingAndTheSpecsDeleteWorksWithABody() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        String token = token(server);
        Account first = Bots.user(server, "del");
        Account second = Bots.user(server, "del");

        // A GET validateAccount with the password in the query and a form Content-Type.
        Reply login = server.get(
                PS + "validateAccount?username=sigal&password=" + PASSWORD + "&deviceId=hardening1",
                "Content-Type",
                FORM);
        assertEquals(200, login.status(), login.body());
        String loginToken = login.object()
                .getJsonObject("validateAccountFact")
                .getJsonObject("accountFact")
                .getString("token");
        // The spec's DELETE sample: form Content-Type, token in the query, no body.
        assertSuccess(server.request(
                "DELETE", PS + "users/" + first.id() + "?token=" + token + "&userId=sigal", "Content-Type", FORM));
        // The same DELETE with its parameters in a form body, as jQuery clients send it.
        assertSuccess(server.sendForm("DELETE", PS + "users/" + second.id(), form("token", token, "userId", "sigal")));
        // A form POST whose token is in the query.
        assertSuccess(server.postForm(
                PS + "users/" + second.id() + "?token=" + token + "&userId=sigal",
                form(
                        "firstName",
                        "Bot",
                        "lastName",
                        "Again",
                        "email",
                        second.username() + "@bots.example",
                        "password",
                        "",
                        "organization",
                        "UNC",
                        "facility",
                        "UNC",
                        "role",
                        "2",
                        "status",
                        "ACTIVE")));

        String logged = ServerLog.since(mark);
        ServerLog.assertClean(logged, token, loginToken, PASSWORD);
        assertFalse(logged.contains("form parameters"), "the Jersey warning is gone");
    }

    @Test
    void aDeleteWithAMalformedBodyGetsTheLegacyEnvelope() {
        Server server = new Server(deployment);
        Reply reply = server.sendForm("DELETE", PS + "users/nobody", "token=%zz");
        assertEquals(400, reply.status(), reply.body());
        assertFalse(reply.object().getJsonObject("statusFact").getBoolean("success"));
    }

    @Test
    void deepJsonIsABadRequestBeforeAnyLogin() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        for (String body : List.of(
                nested(5000),
                "{\"emailAddress\":" + "[".repeat(20000),
                "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001))) {
            for (String path : List.of("presence/otp/send", "presence/otp/validate")) {
                Reply reply = server.send("POST", path, body);
                assertEquals(400, reply.status(), path + " -> " + reply.body());
                assertNotNull(reply.error());
            }
            Reply grant = server.send("POST", Bots.TOKEN_PATH, body);
            assertEquals(400, grant.status(), grant.body());
            assertEquals("invalid_request", grant.object().getString("error"));
        }
        ServerLog.assertClean(ServerLog.since(mark));
    }

    @Test
    void aBotSocketAnswersDeepFramesAndClosesOnMessagesOverOneMebibyteWith1009() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        Account account = Bots.user(server, "deep");
        String token = Bots.token(server, account.username());
        try (BotClient bot = BotClient.authenticated(server, token, false)) {
            JsonObject answer = bot.raw(JsonValue.NULL, nested(50_000)).getJsonObject("payload");
            assertEquals(307, answer.getInt("errorCode"), answer.toString());
            JsonObject deepPayload = bot.raw(
                            JsonValue.NULL,
                            "{\"type\":1,\"id\":77,\"method\":\"getChats\"," + "\"payload\":" + "{\"x\":".repeat(3000)
                                    + "1" + "}".repeat(3000) + "}")
                    .getJsonObject("payload");
            assertEquals(307, deepPayload.getInt("errorCode"), deepPayload.toString());
            assertNotNull(bot.list("getChats", "{'count': 10, 'page': 1}"), "still answering");
            // ... and still receiving events.
            try (BotClient peer = Bots.bot(server, Bots.user(server, "peer"))) {
                assertNotNull(peer.call("createP2PChat", "{'userId': '" + account.botId() + "'}")
                        .getString("chatId"));
                bot.next("createP2PChat");
            }
            assertTrue(bot.open());
        }
        // Messages over 1 MiB close the socket with 1009, in one frame or in fragments.
        for (int size : new int[] {MIB + 1, 2 * MIB, 8 * MIB}) {
            String frame = "{\"type\":1,\"id\":9,\"method\":\"sendMessage\",\"payload\":{\"text\":\"";
            frame += "x".repeat(size - frame.length() - 3) + "\"}}";
            assertEquals(size, frame.length());
            assertEquals(1009, closeCodeAfter(server, token, frame, size), size + " bytes in one frame");
            if (size == 2 * MIB) {
                assertEquals(1009, closeCodeAfter(server, token, frame, 16 * 1024), size + " bytes in fragments");
            }
        }
        try (BotClient bot = BotClient.authenticated(server, token, false)) {
            String frame = "{\"type\":1,\"id\":10,\"method\":\"getChats\",\"payload\":{\"pad\":\""
                    + "y".repeat(MIB - 100) + "\"}}";
            JsonObject answer = bot.raw(Json.createValue(10), frame).getJsonObject("payload");
            assertEquals(307, answer.getInt("errorCode"), "under the limit: answered, not closed");
            assertTrue(bot.open());
        }
        ServerLog.assertClean(ServerLog.since(mark), token);
    }

    private static String auth(String token) {
        return Json.createObjectBuilder()
                .add("type", 1)
                .add("id", 1)
                .add("method", "auth")
                .add("payload", Json.createObjectBuilder().add("token", token))
                .build()
                .toString();
    }

    /**
     * Authenticates a bot socket, sends the message in fragments of this many bytes (all of it in one
     * frame when as large as the message) and returns the server's close code.
     */
    private static int closeCodeAfter(Server server, String token, String message, int fragmentBytes) {
        try (RawWebSocket socket = RawWebSocket.open(server.uri("ws", "websocket/chat_bot"), "json.v1")) {
            socket.sendText(auth(token));
            String answer = socket.readText();
            assertTrue(answer != null && !answer.contains("errorCode"), answer);
            // The server may close before the whole message is out: only the close code matters.
            socket.sendFragments(message, fragmentBytes);
            return socket.closeCode();
        }
    }

    @Test
    void optionsAnswersTheAllowedMethodsAndNoWadl() {
        Server server = new Server(deployment);
        for (String path : List.of(
                PS + "validateAccount",
                PS + "users",
                "ops/ping",
                ".well-known/jwks.json",
                "api/v4/server",
                Bots.TOKEN_PATH)) {
            Reply reply = server.request("OPTIONS", path);
            assertTrue(reply.status() == 200 || reply.status() == 204, path + " -> " + reply.status());
            assertNotNull(reply.header("Allow"), path);
            assertTrue(reply.header("Allow").contains("OPTIONS"), path);
            assertFalse(
                    reply.body().contains("wadl") || reply.body().contains("<application"),
                    path + " -> " + reply.body());
            assertFalse(String.valueOf(reply.header("Content-Type")).contains("wadl"), path);
        }
        assertEquals(404, server.get("PresentationServices/application.wadl").status());
        // A CORS preflight is answered as before.
        Reply preflight =
                server.request("OPTIONS", PS + "users", "Origin", "file://", "Access-Control-Request-Method", "POST");
        assertEquals(204, preflight.status());
        assertEquals("file://", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("DELETE"));
    }

    @Test
    void everyErrorPageIsJsonAndNoneIsA5xxForAClientsMistake() {
        Server server = new Server(deployment);
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            Reply reply = server.request(method, "error");
            assertEquals(404, reply.status(), method + " /error -> " + reply.body());
            assertEquals("Not found", reply.error());
            assertTrue(reply.header("Content-Type").startsWith("application/json"));
        }
        assertEquals(404, server.send("POST", "error", "{\"x\":1}").status());
        Reply unknown = server.get("no/such/thing");
        assertEquals(404, unknown.status());
        assertEquals("Not found", unknown.error());
        Reply notAllowed = server.request("PATCH", "ops/ping");
        assertTrue(notAllowed.status() >= 400 && notAllowed.status() < 500, notAllowed.body());
        assertNotNull(notAllowed.parse());
        assertEquals("Method not allowed", notAllowed.error());
        assertTrue(String.valueOf(notAllowed.header("Allow")).contains("GET"), notAllowed.header("Allow"));
        // The statuses JAX-RS answers itself in ops and well-known (405, 406) have the error page's JSON,
        // on every server (platform.StatusExceptionMapper); so has a path under them that nothing serves.
        for (String path : List.of("ops/nothing", ".well-known/nothing")) {
            Reply nothing = server.get(path);
            assertEquals(404, nothing.status(), path);
            assertEquals("Not found", nothing.error(), path);
        }
        for (String path : List.of("ops/ping", ".well-known/jwks.json")) {
            Reply notAcceptable = server.get(path, "Accept", "text/html");
            assertEquals(406, notAcceptable.status(), notAcceptable.body());
            assertEquals("Bad request", notAcceptable.error());
        }
    }

    @Test
    void everyTestClockInputIsBounded() {
        Server server = new Server(deployment);
        long before =
                server.get("ops/clock").object().getJsonNumber("offsetSeconds").longValue();
        for (String seconds :
                List.of("9223372036854775807", "-1", "0", "-9223372036854775808", "abc", "", "315619201", "1e9")) {
            Reply reply = server.request("POST", "ops/clock/advance?seconds=" + seconds);
            assertEquals(400, reply.status(), seconds + " -> " + reply.body());
            assertTrue(reply.error().contains("seconds") || reply.error().contains("ahead"), reply.body());
        }
        assertEquals(400, server.request("POST", "ops/clock/advance").status());
        assertEquals(
                before,
                server.get("ops/clock").object().getJsonNumber("offsetSeconds").longValue());
        // The server keeps working.
        assertEquals(200, server.get("ops/ping").status());
        assertNotNull(token(server));
    }

    @Test
    void namesWithControlCharactersAreRefusedWithEachSurfacesValidationError() {
        Server server = new Server(deployment);
        String token = token(server);
        for (String name : List.of("Ev\u0000il", "Two\nLines", "Esc\u001b[2J")) {
            String username = "ctl" + UUID.randomUUID().toString().substring(0, 8);
            Reply reply = server.postForm(
                    PS + "users",
                    form(
                            "firstName",
                            name,
                            "lastName",
                            "Last\u0000",
                            "username",
                            username,
                            "email",
                            username + "@names.example",
                            "password",
                            Bots.PASSWORD,
                            "passwordConfirm",
                            Bots.PASSWORD,
                            "organization",
                            "UNC",
                            "facility",
                            "UNC",
                            "role",
                            "2",
                            "status",
                            "ACTIVE",
                            "userId",
                            "sigal",
                            "token",
                            token));
            assertEquals(200, reply.status(), reply.body());
            JsonObject body = reply.object();
            assertFalse(body.getJsonObject("statusFact").getBoolean("success"), reply.body());
            List<String> problems = body.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(p -> p.getString("message"))
                    .toList();
            assertTrue(problems.contains("First name may not contain control characters"), problems.toString());
            assertTrue(problems.contains("Last name may not contain control characters"), problems.toString());
            // Presence: the display name of a one-time code, and the name given when redeeming it.
            Reply send = server.send(
                    "POST",
                    "presence/otp/send",
                    Json.createObjectBuilder()
                            .add("emailAddress", username + "@names.example")
                            .add("displayName", name)
                            .build()
                            .toString());
            assertEquals(400, send.status(), send.body());
            assertTrue(send.error().contains("control characters"), send.body());
            Reply validate = server.send(
                    "POST",
                    "presence/otp/validate",
                    Json.createObjectBuilder()
                            .add("p", "12345678")
                            .add("e", username + "@names.example")
                            .add("n", name)
                            .build()
                            .toString());
            assertEquals(400, validate.status(), validate.body());
            assertTrue(validate.error().contains("control characters"), validate.body());
        }
    }
}
