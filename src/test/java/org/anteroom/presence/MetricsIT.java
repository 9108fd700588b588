package org.anteroom.presence;

import static org.anteroom.it.Server.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.anteroom.bridge.BotClient;
import org.anteroom.bridge.Bots;
import org.anteroom.bridge.Bots.Account;
import org.anteroom.it.Eventually;
import org.anteroom.it.Metrics;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
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
 * The figures an operator graphs move with what happens, read from {@code /ops/metrics} (every server) and, where
 * the server has MicroProfile Metrics (Payara), from its {@code /metrics?scope=application}. Here rather than in
 * ops because it needs presence sessions and hub sockets; each test reads the figures before and after what it does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final AuthService AUTH = new AuthService();
    private static final String LOGINS = "anteroom_logins_total";
    private static final boolean MICROPROFILE_METRICS = !"wildfly".equals(System.getProperty("arquillian.launch"));

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

    @Test
    void theFiguresArePrometheusTextWithHelpAndType() {
        Reply reply = new Server(deployment).get("ops/metrics");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
        for (String family : new String[] {
            "anteroom_presence_sessions gauge",
            "anteroom_hub_connections gauge",
            "anteroom_bot_connections gauge",
            "anteroom_rooms_occupied gauge",
            "anteroom_join_requests_waiting gauge",
            "anteroom_db_connections_open gauge",
            "anteroom_messages_sent_total counter",
            "anteroom_mail_failures_total counter",
            "anteroom_logins_throttled_total counter"
        }) {
            assertTrue(reply.body().contains("# TYPE " + family + "\n"), family + " in\n" + reply.body());
        }
        assertTrue(figures().get("anteroom_db_connections_open") >= 1, "the pool holds a connection");
    }

    @Test
    void loginsAreCountedBySurfaceAndOutcome() {
        Server server = new Server(deployment);
        Map<String, Double> before = figures();

        assertEquals(
                200,
                server.postForm(
                                "PresentationServices/validateAccount",
                                form("username", "sigal", "password", "anteroom-demo", "deviceId", device()))
                        .status());
        legacyLoginWithWrongPassword(server, "nobody-" + UUID.randomUUID());
        Presence.session(server, AUTH.token(Presence.email("example.com"), "Counted", "google"));
        assertEquals(401, Presence.login(server, "not-a-jwt").status());
        Account bot = Bots.user(server, "counted");
        Bots.token(server, bot.username());
        Reply refused = Bots.grant(
                server,
                "{\"client_id\":\"chat_bot\",\"grant_type\":\"password\",\"username\":\"" + bot.username()
                        + "\",\"password\":\"wrong-password\"}");
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused.body());

        Map<String, Double> after = figures();
        // Bots.user logs sigal in once more through the legacy API.
        assertEquals(2, delta(before, after, LOGINS, "surface", "legacy", "outcome", "success"));
        assertEquals(1, delta(before, after, LOGINS, "surface", "legacy", "outcome", "refused"));
        assertEquals(1, delta(before, after, LOGINS, "surface", "presence", "outcome", "success"));
        assertEquals(1, delta(before, after, LOGINS, "surface", "presence", "outcome", "refused"));
        assertEquals(1, delta(before, after, LOGINS, "surface", "bridge", "outcome", "success"));
        assertEquals(1, delta(before, after, LOGINS, "surface", "bridge", "outcome", "refused"));
        assertEquals(1, delta(before, after, "anteroom_presence_sessions"));
        if (MICROPROFILE_METRICS) {
            Map<String, Double> payara = payaraFigures();
            for (String outcome : new String[] {"success", "refused"}) {
                for (String surface : new String[] {"legacy", "presence", "bridge"}) {
                    String key = Metrics.key(LOGINS, "surface", surface, "outcome", outcome);
                    assertEquals(figures().get(key), payara.get(key), key + " in Payara's /metrics");
                }
            }
        }
    }

    @Test
    void throttledAttemptsAreCounted() {
        Server server = new Server(deployment);
        String username = "throttled-" + UUID.randomUUID();
        Map<String, Double> before = figures();
        // The ITs' server allows 5 failures per account and hour.
        for (int i = 0; i < 5; i++) {
            legacyLoginWithWrongPassword(server, username);
        }
        Reply throttled = server.postForm(
                "PresentationServices/validateAccount",
                form("username", username, "password", "wrong-password", "deviceId", device()));
        assertEquals(429, throttled.status(), throttled.body());

        assertEquals(1, delta(before, figures(), "anteroom_logins_throttled_total"));
    }

    @Test
    void hubAndBotSocketsAreGaugedWhileOpenAndAMessageIsCountedOnceSent() {
        Server server = new Server(deployment);
        Session session = Presence.session(server, AUTH.token(Presence.email("example.com"), "Gauged", "google"));
        Account alice = Bots.user(server, "gauged");
        Account bob = Bots.user(server, "gauged");
        Map<String, Double> before = figures();

        try (HubClient hub = HubClient.open(server, session);
                BotClient a = Bots.bot(server, alice);
                BotClient b = Bots.bot(server, bob)) {
            Map<String, Double> open = figures();
            assertEquals(1, delta(before, open, "anteroom_hub_connections"));
            assertEquals(2, delta(before, open, "anteroom_bot_connections"));

            String chatId = a.call("createP2PChat", "{'userId': '" + bob.username() + "'}")
                    .getString("chatId");
            JsonObject sent = a.call(
                    "sendMessage",
                    "{'chatId': '" + chatId + "', 'replyMessageId': null, 'content': {'text': 'counted'}}");
            assertTrue(sent.containsKey("messageId"), sent.toString());
            assertEquals(1, delta(before, figures(), "anteroom_messages_sent_total"));
            if (MICROPROFILE_METRICS) {
                Map<String, Double> payara = payaraFigures();
                assertEquals(figures().get("anteroom_hub_connections"), payara.get("anteroom_hub_connections"));
                assertEquals(figures().get("anteroom_messages_sent_total"), payara.get("anteroom_messages_sent_total"));
            }
        }
        Eventually.until(
                "the sockets' gauges back down",
                Eventually.PATIENCE,
                () -> delta(before, figures(), "anteroom_hub_connections") == 0
                        && delta(before, figures(), "anteroom_bot_connections") == 0);
    }

    private static void legacyLoginWithWrongPassword(Server server, String username) {
        Reply reply = server.postForm(
                "PresentationServices/validateAccount",
                form("username", username, "password", "wrong-password", "deviceId", device()));
        assertEquals(200, reply.status(), "the legacy API answers failures in its envelope");
        JsonObject body = reply.object();
        JsonObject status = body.containsKey("validateAccountFact")
                ? body.getJsonObject("validateAccountFact").getJsonObject("statusFact")
                : body.getJsonObject("statusFact");
        assertFalse(status.getBoolean("success"), reply.body());
    }

    private Map<String, Double> figures() {
        Reply reply = new Server(deployment).get("ops/metrics");
        assertEquals(200, reply.status(), reply.body());
        return Metrics.parse(reply.body());
    }

    private Map<String, Double> payaraFigures() {
        Reply reply = new Server(deployment).get("metrics?scope=application");
        assertEquals(200, reply.status(), reply.body());
        return Metrics.parse(reply.body());
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
        String key = Metrics.key(name, labels);
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    private static String device() {
        return "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
