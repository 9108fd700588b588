package org.anteroom.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.anteroom.it.Eventually;
import org.anteroom.it.Node;
import org.anteroom.it.NodeDatabase;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database away and back: a node ({@link Node}, its own Payara Micro) on an H2 TCP server in
 * this JVM ({@link NodeDatabase}), which the test stops and starts again on the same port. Payara Micro's build only
 * (the jar it boots).
 */
class NodeHealthIT {

    @Test
    void readinessGoesDownWithTheDatabaseNamingItAndComesBackWithIt() throws Exception {
        NodeDatabase database = NodeDatabase.start("node-health");
        try (Node node = Node.start("health", database.properties("anteroom.demo", "false"))) {
            Server server = node.server();
            Eventually.until(
                    "node ready",
                    Eventually.PATIENCE,
                    () -> server.get("ops/health/ready").status() == 200);
            assertEquals("UP", status(server.get("ops/health/ready").object(), "database"));
            Reply payara = server.get("health/ready");
            assertEquals(200, payara.status(), payara.body());
            assertEquals("UP", status(payara.object(), "database"));

            database.stop();
            Reply down = Eventually.until(
                    "readiness DOWN",
                    Eventually.PATIENCE,
                    () -> server.get("ops/health/ready"),
                    r -> r.status() == 503);
            JsonObject check = check(down.object(), "database");
            assertEquals("DOWN", check.getString("status"));
            String reason = check.getJsonObject("data").getString("reason");
            // A refused connection and one that hangs past the check's bound are both "down".
            assertTrue(
                    reason.startsWith("Cannot reach the database")
                            || reason.startsWith("The database did not answer within"),
                    reason);
            assertFalse(reason.contains(database.password()), reason);
            assertEquals("DOWN", down.object().getString("status"));
            Reply payaraDown = server.get("health/ready");
            assertEquals(503, payaraDown.status(), payaraDown.body());
            assertEquals("DOWN", status(payaraDown.object(), "database"));
            assertEquals(200, server.get("ops/health/live").status(), "alive all the same");

            database.startAgain();
            Reply back = Eventually.until(
                    "readiness UP again",
                    Eventually.PATIENCE,
                    () -> server.get("ops/health/ready"),
                    r -> r.status() == 200);
            assertEquals("UP", status(back.object(), "database"));
            assertEquals(200, server.get("health/ready").status());

            assertFalse(node.log().contains(database.password()), "the database password never reaches the log");
            assertTrue(node.log().contains("Readiness: database is DOWN"), "the change is logged");
        } finally {
            database.stop();
        }
    }

    private static String status(JsonObject health, String name) {
        return check(health, name).getString("status");
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No check " + name + " in " + health));
    }
}
