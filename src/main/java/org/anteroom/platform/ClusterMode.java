package org.anteroom.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this node is one of several on one database ({@code anteroom.cluster}), and its name among them. Read
 * once; a value other than {@code none} or {@code postgres}, or cluster mode on an H2 URL, stops the start: nodes
 * that each used their own embedded database would look like a cluster and share nothing.
 */
@ApplicationScoped
public class ClusterMode {

    public static final String KEY = "anteroom.cluster";
    /** The name this node goes by in the cluster's messages and its readiness; a suffix keeps restarts apart. */
    public static final String NODE_KEY = "anteroom.cluster.node";

    private final boolean on;
    private final String node;

    public ClusterMode() {
        this(
                Settings.text(KEY, "none"),
                Settings.databaseUrl(),
                Settings.text(NODE_KEY).orElseGet(ClusterMode::host));
    }

    ClusterMode(String mode, String databaseUrl, String name) {
        on = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "", "none" -> false;
            case "postgres", "postgresql" -> true;
            default ->
                throw new IllegalStateException(KEY + " must be 'none' or 'postgres', not '" + mode.strip() + "'");
        };
        if (on && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(KEY + "=postgres needs a PostgreSQL database that every node shares:"
                    + " set anteroom.db.url to a jdbc:postgresql: URL (an embedded H2 database belongs to one node)");
        }
        String base = name.strip().isEmpty() ? "node" : name.strip();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        node = (base.length() > 48 ? base.substring(0, 48) : base) + "-" + suffix;
    }

    public boolean on() {
        return on;
    }

    /** Unique among the running nodes: a restarted node is a new one. */
    public String node() {
        return node;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
