package org.anteroom.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.anteroom.it.Eventually;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.anteroom.it.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health that means it, black-box: liveness is simple, readiness names the database and mail and follows the SMTP
 * server (GreenMail in this JVM, on the port the server under test mails to) going away and coming back, on
 * {@code /ops/health} everywhere and in the server's own MicroProfile Health where it has one (Payara). The node
 * whose database goes away is {@link NodeHealthIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    /** WildFly's default profile serves no MicroProfile Health on the application's port. */
    private static final boolean MICROPROFILE_HEALTH = !"wildfly".equals(System.getProperty("arquillian.launch"));

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void livenessIsUpAndChecksNothing() {
        Reply live = new Server(deployment).get("ops/health/live");

        assertEquals(200, live.status(), live.body());
        assertEquals(Server.json("{'status': 'UP', 'checks': []}"), live.object());
        assertTrue(live.header("Cache-Control").contains("no-store"));
    }

    @Test
    void readinessFollowsTheSmtpServerAwayAndBackAndNamesWhatIsDown() {
        Server server = new Server(deployment);
        ServerLog.Mark mark = ServerLog.mark();
        GreenMail smtp = smtp();
        try {
            JsonObject up = awaitReady(server, 200);
            assertEquals("UP", up.getString("status"));
            assertEquals(Map.of("database", "UP", "mail", "UP"), statuses(up));
            // Our own SMTP settings on Payara Micro; the server's mail session on WildFly and Payara Server.
            assertEquals(
                    System.getProperty("anteroom.it.mail-transport", "smtp"),
                    check(up, "mail").getJsonObject("data").getString("transport"));
        } finally {
            smtp.stop();
        }

        JsonObject down = awaitReady(server, 503);
        assertEquals("DOWN", down.getString("status"));
        assertEquals(Map.of("database", "UP", "mail", "DOWN"), statuses(down));
        String reason = check(down, "mail").getJsonObject("data").getString("reason");
        assertTrue(reason.startsWith("The SMTP server cannot be reached"), reason);
        if (MICROPROFILE_HEALTH) {
            Reply payara = server.get("health/ready");
            assertEquals(503, payara.status(), payara.body());
            assertEquals(Map.of("database", "UP", "mail", "DOWN"), statuses(payara.object()));
        } else {
            assertEquals(404, server.get("health/ready").status());
        }

        GreenMail again = smtp();
        try {
            JsonObject back = awaitReady(server, 200);
            assertEquals(Map.of("database", "UP", "mail", "UP"), statuses(back));
            if (MICROPROFILE_HEALTH) {
                Reply payara = server.get("health/ready");
                assertEquals(200, payara.status(), payara.body());
                assertEquals(Map.of("database", "UP", "mail", "UP"), statuses(payara.object()));
            }
        } finally {
            again.stop();
        }
        ServerLog.assertClean(ServerLog.since(mark), System.getProperty("anteroom.it.db.password"));
    }

    @Test
    void aStormOfProbesCostsTheSmtpServerOneConnectionEveryFewSeconds() throws Exception {
        Server server = new Server(deployment);
        try (CountingSmtp smtp = new CountingSmtp(Integer.getInteger("anteroom.it.smtp.port"))) {
            awaitReady(server, 200);
            int before = smtp.connections();
            long start = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                assertEquals(200, server.get("ops/health/ready").status());
            }
            long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();
            // One connection per 5 s kept result, at most, and one more for the result that expires during the storm.
            assertTrue(
                    smtp.connections() - before <= seconds / 5 + 1,
                    (smtp.connections() - before) + " SMTP connections for 30 probes in " + seconds + " s");
        }
    }

    private static GreenMail smtp() {
        GreenMail mail = new GreenMail(
                new ServerSetup(Integer.getInteger("anteroom.it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Readiness once it answers this status (the mail check keeps its result for a few seconds). */
    private static JsonObject awaitReady(Server server, int status) {
        return Eventually.until(
                        "readiness " + status,
                        Eventually.PATIENCE,
                        () -> server.get("ops/health/ready"),
                        reply -> reply.status() == status)
                .object();
    }

    private static Map<String, String> statuses(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }

    private static JsonObject check(JsonObject health, String name) {
        JsonObject found = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
        assertFalse(found.isEmpty());
        return found;
    }
}
