package org.anteroom.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more Anteroom beside the Arquillian server: the built WAR on its own Payara Micro process (the jar the build
 * copies to {@code target/payara-micro/}), on a free port, with the system properties a test gives it, the
 * embedded default's pre-boot commands and no Hazelcast. For what the Arquillian server cannot do: lose its
 * database, run as a second node. Its console (every log record) goes to {@code target/nodes/<name>-<port>.log}.
 *
 * <pre>
 * try (Node node = Node.start("health", Map.of("anteroom.db.url", url))) {
 *     node.server().get("ops/health/ready") ...
 * }
 * </pre>
 *
 * Only the Payara Micro run of the ITs has that jar; the other servers' profiles leave the node ITs out.
 */
public final class Node implements AutoCloseable {

    /** A Payara Micro boots in seconds; a loaded build machine can take minutes, which must not fail a run. */
    private static final Duration BOOT = Duration.ofMinutes(10);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private Node(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        // A test JVM that ends without closing the node (killed, failed in a fixture) takes it along.
        this.reaper = new Thread(process::destroyForcibly, "node-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Boots a node with these system properties and returns once the application answers. */
    public static Node start(String name, Map<String, String> properties) {
        int port = freePort();
        Path dir = Path.of(System.getProperty("anteroom.war")).getParent().resolve("nodes");
        Path log = dir.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-jar",
                required("payara.microJar"),
                "--nohazelcast",
                "--port",
                Integer.toString(port),
                "--rootdir",
                dir.resolve(name + "-" + port).toString(),
                "--prebootcommandfile",
                required("anteroom.it.preboot"),
                "--deploy",
                required("anteroom.war"),
                "--contextroot",
                "/"));
        Process process;
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node node = new Node(name, port, process, log);
        try {
            node.awaitAnswer();
        } catch (RuntimeException | AssertionError e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** A client of this node, like the Arquillian server's. */
    public Server server() {
        try {
            return new Server(base().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Everything the node logged so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile() {
        return log;
    }

    /** Waits until the node's readiness is UP (200 from /ops/health/ready). */
    public void awaitReady(Duration within) {
        Eventually.until(name + " ready", within, () -> status("ops/health/ready") == 200);
    }

    /** Kills the process and waits for it to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs anyway
        }
    }

    private void awaitAnswer() {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (status("ops/ping") != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " ended (" + process.exitValue() + "): " + tail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Node " + name + " did not answer within " + BOOT + ": " + tail());
            }
            Eventually.pause(Duration.ofMillis(250));
        }
    }

    /** The status of a GET, or -1 while nothing listens. */
    private int status(String path) {
        try {
            return server().get(path).status();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private String tail() {
        String all = log();
        return all.substring(Math.max(0, all.length() - 3000));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).exists()) {
            throw new IllegalStateException(property + " names no file (" + value + "); the node ITs run in the"
                    + " Payara Micro build only (see failsafe in pom.xml)");
        }
        return value;
    }
}
