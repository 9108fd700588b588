package org.anteroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Anteroom node that a test starts itself, beside (not instead of) the Arquillian server: the built
 * WAR on the build's Payara Micro, in its own JVM, on a free port, with the system properties the test
 * gives (a database URL, bootstrap keys, a mail outbox...). For what the shared server cannot show: an
 * empty database, a restart, several nodes on one database.
 *
 * <pre>
 * try (Node node = Node.start("first-admin", Map.of("anteroom.db.url", url, "anteroom.demo", "false"))) {
 *     node.server().get("ops/ping");
 *     ServerLog.assertClean(node.log(), secret);
 * }
 * </pre>
 *
 * Each start gets its own folder, {@code target/it/nodes/<name>-<n>-<random>/} (working directory, Payara's root
 * directory, {@code server.log}, {@code console.log}), so relative paths in the properties land there and
 * a failed run can be read afterwards. {@link #stop()} ends the JVM as an administrator would; {@link
 * #kill()} as a crash does.
 */
public final class Node implements AutoCloseable {

    private static final Duration READY_WITHIN =
            Duration.ofSeconds(900); // a boot took almost 600 s on a loaded CI machine
    /** What Payara Micro logs when the WAR failed to deploy; it keeps running without it. */
    private static final String DEPLOYMENT_FAILED = "Exception while loading the app";
    /**
     * What Payara Micro logs once its boot is over ("Payara Micro 6.2025.10 (build 42) ready in 12,885 (ms)"), the WAR deployed or not (a persistence unit that cannot connect
     * fails it without {@link #DEPLOYMENT_FAILED}). A node that logged it and still does not answer has no WAR.
     */
    private static final String BOOTED = ") ready in ";

    private static final Duration ANSWER_AFTER_BOOT = Duration.ofSeconds(120);

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Nodes still running when the test JVM ends (a failed or aborted build) are killed with it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Map<String, String> properties;
    private final Path folder;
    private final int port;
    private final Process process;

    private Node(String name, Map<String, String> properties, Path folder, int port, Process process) {
        this.name = name;
        this.properties = properties;
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Starts a node with these system properties and returns once it answers {@code GET /ops/ping}. */
    public static Node start(String name, Map<String, String> properties) {
        Path folder = Path.of(System.getProperty("anteroom.it.nodes", "target/it/nodes"))
                .toAbsolutePath()
                .resolve(name + "-" + STARTS.incrementAndGet() + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(folder.resolve("root"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
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
                "--contextroot",
                "/",
                "--rootdir",
                folder.resolve("root").toString(),
                "--prebootcommandfile",
                required("anteroom.it.preboot"),
                "--logtofile",
                folder.resolve("server.log").toString(),
                "--deploy",
                required("anteroom.war")));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("console.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        Node node = new Node(name, Map.copyOf(properties), folder, port, process);
        node.awaitReady();
        return node;
    }

    /** A new node with the same name and properties (so the same database): a restart. */
    public Node restart() {
        stop();
        return start(name, properties);
    }

    /** A black-box client of this node. */
    public Server server() {
        try {
            return new Server(URI.create("http://127.0.0.1:" + port + "/").toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** This start's folder (its working directory). */
    public Path folder() {
        return folder;
    }

    /** Everything the node logged so far, oldest first (Payara Micro rotates {@code server.log.0} to {@code .9}). */
    public String log() {
        StringBuilder all = new StringBuilder();
        List<Path> files = new ArrayList<>();
        for (int generation = 9; generation >= 0; generation--) {
            files.add(folder.resolve("server.log." + generation));
        }
        files.add(folder.resolve("server.log"));
        for (Path file : files) {
            try {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                // not written (yet), or rotated away while we read
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    /** The log once it has been quiet for a moment (a failure is logged after its answer). */
    public String settledLog() {
        return Eventually.steady(Duration.ofMillis(400), Duration.ofSeconds(10), this::log);
    }

    /** Ends the JVM as {@code kill} (SIGTERM) does, waiting for Payara's shutdown; forcibly after a minute. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Ends the JVM as a crash does ({@code kill -9}): nothing runs on the way out. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        URI ping = URI.create("http://127.0.0.1:" + port + "/ops/ping");
        Instant bootedAt = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + folder.getFileName() + " exited (" + process.exitValue()
                        + ") before it was ready:\n" + tail());
            }
            String console = console();
            if (bootedAt == null && console.contains(BOOTED)) {
                bootedAt = Instant.now();
            }
            if (console.contains(DEPLOYMENT_FAILED)
                    || (bootedAt != null && Instant.now().isAfter(bootedAt.plus(ANSWER_AFTER_BOOT)))) {
                kill();
                throw new IllegalStateException(
                        "Node " + folder.getFileName() + " could not deploy the WAR:\n" + tail());
            }
            try {
                HttpResponse<Void> answer = HTTP.send(
                        HttpRequest.newBuilder(ping)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IllegalStateException(e);
            }
            Eventually.pause(Duration.ofMillis(250));
        }
        kill();
        throw new IllegalStateException(
                "Node " + folder.getFileName() + " was not ready within " + READY_WITHIN + ":\n" + tail());
    }

    private String console() {
        try {
            return Files.readString(folder.resolve("console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console.log: " + e + ")";
        }
    }

    private String tail() {
        String console = console();
        return console.substring(Math.max(0, console.length() - 4000));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set (see the failsafe configuration in pom.xml)");
        }
        return value;
    }

    /** Properties in the order given, for {@link #start}: {@code Node.properties("k", "v", "k2", "v2")}. */
    public static Map<String, String> properties(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
