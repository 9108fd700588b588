package org.anteroom.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.JsonObject;

import org.anteroom.it.Node;
import org.anteroom.it.NodeDatabase;
import org.anteroom.it.ServerLog;
import org.junit.jupiter.api.Test;

/**
 * Two nodes ({@link Node}, a Payara Micro each) started at the same moment on one empty database, an H2 TCP server
 * in this JVM ({@link NodeDatabase}): they make one installation between them, not two. Payara Micro's build only
 * (the jar it boots).
 */
class NodeStartIT {

    @Test
    void twoNodesStartingTogetherOnAnEmptyDatabaseShareOneSigningKeyOnePepperAndOneDemoSet() throws Exception {
        NodeDatabase database = NodeDatabase.start("node-start");
        Map<String, String> properties = database.properties("anteroom.demo", "true");
        ExecutorService starts = Executors.newFixedThreadPool(2);
        CompletableFuture<Node> first = CompletableFuture.supplyAsync(() -> Node.start("start-a", properties), starts);
        CompletableFuture<Node> second = CompletableFuture.supplyAsync(() -> Node.start("start-b", properties), starts);
        try {
            Node a = first.join();
            Node b = second.join();
            // One signing key, published by both: a token one node signs, the other verifies.
            JsonObject keys = a.server().get(".well-known/jwks.json").object();
            assertEquals(1, keys.getJsonArray("keys").size(), keys.toString());
            assertEquals(keys, b.server().get(".well-known/jwks.json").object());

            // One pepper: the demo set's NFC tag, digested by whichever node loaded it, signs in on both.
            for (Node node : List.of(a, b)) {
                JsonObject login = node.server()
                        .get("PresentationServices/validateAccount?tagId=poda&deviceId=" + UUID.randomUUID())
                        .object()
                        .getJsonObject("validateAccountFact");
                assertTrue(login.getJsonObject("statusFact").getBoolean("success"), login.toString());
            }

            // Neither node met a duplicate key, nor logged a stack trace or the database password.
            ServerLog.assertClean(a.settledLog(), database.password());
            ServerLog.assertClean(b.settledLog(), database.password());
        } finally {
            // Each node that started is closed, after the other's start ended too, before its database goes.
            for (CompletableFuture<Node> start : List.of(first, second)) {
                start.handle((node, failure) -> {
                            if (node != null) {
                                node.close();
                            }
                            return null;
                        })
                        .join();
            }
            starts.shutdown();
            database.stop();
        }
    }
}
