package org.anteroom.wellknown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The documents every surface shares, black-box. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WellKnownIT {

    @ArquillianResource
    URL deployment;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @Test
    void theJwksPublishesOnlyPublicEs384Keys() {
        Server server = new Server(deployment);
        Reply reply = server.get(".well-known/jwks.json");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        assertTrue(reply.header("Cache-Control").contains("max-age=300"), reply.header("Cache-Control"));
        JsonArray keys = reply.object().getJsonArray("keys");
        assertFalse(keys.isEmpty());
        for (JsonObject key : keys.getValuesAs(JsonObject.class)) {
            assertEquals("EC", key.getString("kty"));
            assertEquals("P-384", key.getString("crv"));
            assertEquals("ES384", key.getString("alg"));
            assertEquals("sig", key.getString("use"));
            assertFalse(key.getString("kid").isBlank());
            assertFalse(key.containsKey("d"), "never a private part");
        }
        assertEquals(reply.body(), server.get(".well-known/jwks.json").body(), "stable between calls");
    }

    @Test
    void thePublishedKeysAreThePersistedOnesSoARestartKeepsThem() throws Exception {
        List<String> published = new Server(deployment)
                .get(".well-known/jwks.json").object().getJsonArray("keys").stream()
                        .map(key -> key.asJsonObject().getString("kid"))
                        .sorted()
                        .toList();
        List<String> stored = new ArrayList<>();
        try (Connection db = Server.database();
                ResultSet rows = db.createStatement()
                        .executeQuery("select kid from signing_key where retired is null order by kid")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertEquals(stored.stream().sorted().toList(), published);
    }
}
