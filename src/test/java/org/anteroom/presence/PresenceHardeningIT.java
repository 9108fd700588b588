package org.anteroom.presence;

import static org.anteroom.presence.Presence.P;
import static org.anteroom.presence.Presence.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.anteroom.bridge.BotClient;
import org.anteroom.bridge.Bots;
import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.ServerLog;
import org.anteroom.presence.Presence.AuthService;
import org.anteroom.presence.Presence.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12's hardening where it takes a presence session: deep JSON and control characters in the
 * user record, deep JSON on the hub, and bots named by their bot id. Each test scans the server's log
 * afterwards for the secrets it used and for stack traces ({@link ServerLog}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceHardeningIT {

    private static final AuthService AUTH = new AuthService();

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeAll
    static void fixtures() throws Exception {
        Presence.trust(AUTH);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String cookieValue(Session session) {
        return session.cookie().substring(session.cookie().indexOf('=') + 1);
    }

    @Test
    void theUserRecordRefusesDeepJsonAndControlCharacters() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        String token = AUTH.token(email("army.mil"), "Deep Record", "cac");
        Session session = Presence.session(server, token);
        for (String method : List.of("PUT", "POST")) {
            for (String body : List.of(nested(5000), "{\"name\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001))) {
                Reply reply = server.send(method, P + "user", body, session.headers());
                assertEquals(400, reply.status(), method + " -> " + reply.body());
                assertTrue(reply.object().containsKey("error"), reply.body());
            }
            for (String name : List.of("Nul\u0000Name", "Line\nBreak", "Esc\u001b[31m")) {
                Reply reply = server.send(
                        method,
                        P + "user",
                        Json.createObjectBuilder().add("name", name).build().toString(),
                        session.headers());
                assertEquals(400, reply.status(), reply.body());
                assertEquals("name may not contain control characters", reply.error());
            }
        }
        assertEquals(
                "Deep Record",
                server.get(P + "user", session.headers()).object().getString("name"),
                "nothing was stored");
        // A trusted login token's name is held to the same rule: the address stands in for it.
        String address = email("army.mil");
        Session controlled = Presence.session(server, AUTH.token(address, "Bad\u0000Name", "cac"));
        assertEquals(
                address, server.get(P + "user", controlled.headers()).object().getString("name"));
        // OPTIONS answers the allowed methods, no WADL.
        Reply options = server.request("OPTIONS", P + "user", session.headers());
        assertTrue(options.status() == 200 || options.status() == 204, options.status() + " " + options.body());
        assertTrue(options.header("Allow").contains("PUT"), options.header("Allow"));
        assertFalse(options.body().contains("wadl"), options.body());
        ServerLog.assertClean(ServerLog.since(mark), token, cookieValue(session));
    }

    @Test
    void theHubAnswersADeepMessageAndKeepsAnsweringPing() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        Session session = Presence.session(server, AUTH.token(email("army.mil"), "Deep Hub", "cac"));
        try (HubClient hub = HubClient.open(server, session)) {
            hub.send(nested(2000));
            assertEquals("error", hub.next("error").getString("type"));
            hub.send("{\"type\":" + "{\"a\":".repeat(500) + "1" + "}".repeat(500) + "}");
            hub.next("error");
            hub.send("{\"type\":\"ping\"}");
            hub.next("pong");
        }
        ServerLog.assertClean(ServerLog.since(mark), cookieValue(session));
    }

    @Test
    void aBotIsAddedToTheRoomChatByItsBotIdOfOurDomainOnly() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        Session expert = Presence.session(server, AUTH.token(email("army.mil"), "Expert Ids", "cac"));
        Account account = Bots.user(server, "idbot");
        Reply created = server.send("POST", P + "rooms", "{\"name\":\"Id Room\"}", expert.headers());
        assertEquals(200, created.status(), created.body());
        String shortname = created.object().getString("shortname");
        String bots = P + "rooms/" + shortname + "/bots";
        String token = Bots.token(server, account.username());
        try (BotClient bot = BotClient.authenticated(server, token, false)) {
            for (String foreign : List.of(account.username() + "@elsewhere.example", "@" + Bots.DOMAIN, "")) {
                Reply refused = server.send(
                        "POST",
                        bots,
                        Json.createObjectBuilder().add("bot", foreign).build().toString(),
                        expert.headers());
                assertEquals(404, refused.status(), foreign + " -> " + refused.body());
                assertTrue(refused.object().containsKey("error"));
            }
            Reply added = server.send(
                    "POST",
                    bots,
                    "{\"bot\":\"" + account.username() + "@" + Bots.DOMAIN.toUpperCase(Locale.ROOT) + "\"}",
                    expert.headers());
            assertEquals(200, added.status(), added.body());
            JsonObject joined = bot.next("addChatParticipant").getJsonObject("payload");
            assertEquals(account.botId(), joined.getString("userId"));
            assertEquals(
                    409,
                    server.send("POST", bots, "{\"bot\":\"" + account.botId() + "/any-connection\"}", expert.headers())
                            .status(),
                    "the same bot, by its full id");
            assertEquals(
                    404,
                    server.request("DELETE", bots + "/" + account.username() + "@elsewhere.example", expert.headers())
                            .status());
            assertEquals(
                    200,
                    server.request("DELETE", bots + "/" + account.botId(), expert.headers())
                            .status());
            assertEquals(
                    account.botId(),
                    bot.next("removeChatParticipant").getJsonObject("payload").getString("userId"));
        }
        ServerLog.assertClean(ServerLog.since(mark), token, Bots.PASSWORD, cookieValue(expert));
    }
}
