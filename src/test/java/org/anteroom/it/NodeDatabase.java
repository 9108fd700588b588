package org.anteroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A database for {@link Node}s: an H2 TCP server in the test JVM (local connections only, a folder and a password
 * of its own), which the test can stop and start again on the same port, and which several nodes can share.
 */
public final class NodeDatabase implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final String password = "node-db-" + UUID.randomUUID();
    private org.h2.tools.Server server;

    private NodeDatabase(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    public static NodeDatabase start(String name) {
        Path folder =
                Path.of(System.getProperty("anteroom.war")).getParent().resolve("it/" + name + "-" + UUID.randomUUID());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeDatabase database = new NodeDatabase(folder, port);
        database.startAgain();
        return database;
    }

    /** The node's database keys, and any more key-value pairs. */
    public Map<String, String> properties(String... more) {
        Map<String, String> properties = Node.properties(
                "anteroom.db.url",
                "jdbc:h2:tcp://127.0.0.1:" + port + "/anteroom;LOCK_TIMEOUT=10000",
                "anteroom.db.user",
                "sa",
                "anteroom.db.password",
                password);
        properties.putAll(Node.properties(more));
        return properties;
    }

    /** Never to be seen in a log. */
    public String password() {
        return password;
    }

    public void stop() {
        server.stop();
    }

    /** On the same port and folder, so the nodes find it where it was. */
    public void startAgain() {
        try {
            server = org.h2.tools.Server.createTcpServer(
                            "-tcpPort", Integer.toString(port), "-baseDir", folder.toString(), "-ifNotExists")
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
