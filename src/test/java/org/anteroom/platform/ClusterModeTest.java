package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterModeTest {

    private static final String PG = "jdbc:postgresql://db.example/anteroom";
    private static final String H2 = "jdbc:h2:file:./data/anteroom";

    @Test
    void offUnlessSetAndOnWithPostgres() {
        assertFalse(new ClusterMode("none", H2, "host").on());
        assertFalse(new ClusterMode("", PG, "host").on());
        assertTrue(new ClusterMode("postgres", PG, "host").on());
        assertTrue(new ClusterMode(" PostgreSQL ", PG, "host").on());
    }

    @Test
    void anEmbeddedDatabaseOrAnUnknownModeStopsTheStartSayingWhy() {
        IllegalStateException h2 =
                assertThrows(IllegalStateException.class, () -> new ClusterMode("postgres", H2, "h"));
        assertTrue(h2.getMessage().contains("anteroom.db.url"), h2.getMessage());
        IllegalStateException unknown =
                assertThrows(IllegalStateException.class, () -> new ClusterMode("hazelcast", PG, "h"));
        assertTrue(unknown.getMessage().contains("'none' or 'postgres'"), unknown.getMessage());
    }

    @Test
    void everyStartIsANewNodeWithinTheColumnsWidth() {
        ClusterMode first = new ClusterMode("postgres", PG, "x".repeat(100));
        ClusterMode second = new ClusterMode("postgres", PG, "x".repeat(100));
        assertNotEquals(first.node(), second.node());
        assertTrue(first.node().length() <= 64, first.node());
        assertTrue(new ClusterMode("postgres", PG, " ").node().startsWith("node-"));
    }
}
