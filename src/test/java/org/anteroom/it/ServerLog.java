package org.anteroom.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log of the server under test. Besides the console that Arquillian reads, Payara Micro writes
 * it to the file the system property {@code anteroom.it.log} names ({@code --logtofile} in
 * arquillian.xml; one file per build, {@code target/it-server-<timestamp>.log}: target/ exists before
 * the server starts, target/it/ not yet), which java.util.logging rotates as
 * {@code <file>.0} (newest) to {@code <file>.9}. WildFly writes {@code server.log} into the folder
 * {@code target/it-server-<timestamp>/} ({@code jboss.server.log.dir}); a Payara Server domain writes the file
 * itself, never rotated ({@code set-log-attributes} in {@code payara-server/it-domain.asadmin}). An IT takes
 * a {@link #mark()} before its attack and then checks what the server logged {@link #since} then:
 *
 * <pre>
 * ServerLog.Mark mark = ServerLog.mark();
 * ... requests carrying a token, a password ...
 * ServerLog.assertClean(ServerLog.since(mark), token, password);
 * </pre>
 */
public final class ServerLog {

    private static final int GENERATIONS = 10;
    private static final int TAIL = 200;
    /** A stack frame as java.util.logging formats a logged Throwable. */
    private static final Pattern FRAME = Pattern.compile("(?m)^\\s+at [\\w$./]+\\(.*\\)$");
    /** The start of a record as Payara (and WildFly's pattern in arquillian.xml) writes it: a timestamp. */
    private static final Pattern RECORD = Pattern.compile("(?m)^\\[?\\d{4}-\\d\\d-\\d\\d[T ]");
    /** Where the HTTP connector's own frames live; see {@link #inConnectorOnly}. */
    private static final List<String> CONNECTOR = List.of(
            "org.glassfish.grizzly.",
            "org.apache.catalina.connector.",
            "com.sun.enterprise.v3.services.impl.",
            "com.sun.enterprise.web.connector.",
            "java.base/java.lang.Thread.",
            "java.base/java.util.concurrent.");

    private ServerLog() {}

    /** A point in the log: how much had been written, and its last characters to find it again after a rotation. */
    public record Mark(int length, String tail) {}

    public static Mark mark() {
        String all = read();
        return new Mark(all.length(), all.substring(Math.max(0, all.length() - TAIL)));
    }

    /**
     * What the server logged after the mark, once the log has been quiet for a moment (a failure is logged after its
     * answer).
     */
    public static String since(Mark mark) {
        String all = settled();
        int start = mark.length();
        if (all.length() < start
                || !all.startsWith(mark.tail(), start - mark.tail().length())) {
            int found = all.lastIndexOf(mark.tail());
            start = found < 0 ? 0 : found + mark.tail().length();
        }
        return all.substring(start);
    }

    /** Fails when any secret (as it is, or URL-encoded) or any stack frame appears in the text. */
    public static void assertClean(String logged, String... secrets) {
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            for (String form : new String[] {secret, URLEncoder.encode(secret, StandardCharsets.UTF_8)}) {
                int at = logged.indexOf(form);
                if (at >= 0) {
                    fail("The server logged a secret: ..." + excerpt(logged, at));
                }
            }
        }
        Matcher record = RECORD.matcher(logged);
        int start = 0;
        while (start < logged.length()) {
            int end = record.find(start + 1) ? record.start() : logged.length();
            String text = logged.substring(start, end);
            Matcher frame = FRAME.matcher(text);
            if (frame.find() && !inConnectorOnly(text)) {
                fail("The server logged a stack trace: ..." + excerpt(logged, start + frame.start()));
            }
            start = end;
        }
    }

    /**
     * Whether every frame of the record's trace lies in the HTTP connector (Grizzly, Catalina's connector,
     * Payara's container mapper, the worker thread), so no application code, no servlet, filter or JAX-RS
     * frame was on the stack. Payara 6 logs such traces when a client's close frame arrives while the
     * request that upgraded the socket is being recycled (docs/admin.md, "WebSocket closes on Payara";
     * our own client holds its answer back, other clients do not). Nothing we deploy runs in those
     * frames, so they are the container's defect, not a trace of ours.
     */
    private static boolean inConnectorOnly(String record) {
        Matcher frame = FRAME.matcher(record);
        while (frame.find()) {
            String at = frame.group().strip().substring("at ".length());
            if (CONNECTOR.stream().noneMatch(at::startsWith)) {
                return false;
            }
        }
        return true;
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 600), Math.min(text.length(), at + 200));
    }

    /**
     * The log once it stopped growing for a moment: nothing the server does says that it has nothing more
     * to log, so a quiet spell it is (a log that keeps growing is read as it is at the bound).
     */
    private static String settled() {
        return Eventually.steady(Duration.ofMillis(400), Duration.ofSeconds(10), ServerLog::read);
    }

    /** Every generation, oldest first. */
    private static String read() {
        String base = System.getProperty("anteroom.it.log");
        if (base == null) {
            throw new IllegalStateException("anteroom.it.log is not set (see the failsafe configuration in pom.xml)");
        }
        StringBuilder all = new StringBuilder();
        for (Path file : generations(base)) {
            try {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                // rotated away while we read
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toString();
    }

    /**
     * Payara Micro's files, {@code <file>.9} to {@code <file>.0}; or WildFly's, which writes {@code <file>} itself
     * and renames it to {@code <file>.<yyyy-MM-dd>} at midnight; or Payara Server's single {@code <file>}.
     */
    private static List<Path> generations(String base) {
        List<Path> files = new ArrayList<>();
        if (Files.exists(Path.of(base + ".0"))) {
            for (int generation = GENERATIONS - 1; generation >= 0; generation--) {
                files.add(Path.of(base + "." + generation));
            }
            return files;
        }
        Path file = Path.of(base);
        if (!Files.exists(file)) {
            throw new IllegalStateException("The server writes no log to " + base
                    + "(.0) (see --logtofile and jboss.server.log.dir in arquillian.xml, set-log-attributes in"
                    + " payara-server/it-domain.asadmin)");
        }
        String rotated = file.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(rotated))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        return files;
    }
}
