package org.anteroom.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's file outbox, a server's mail session, and a failing SMTP server, without an application server. */
class MailerTest {

    @TempDir
    Path outbox;

    @Test
    void withoutAnSmtpHostEachMailIsAnEmlFileInTheOutbox() throws Exception {
        Mailer mailer = mailer(null, "25");
        mailer.send(new Mail("someone@example.com", "Your sign-in code", "The code is 12345678."));
        mailer.send(new Mail("other@example.com", "Second", "Another."));

        List<Path> files;
        try (var listing = Files.list(outbox)) {
            files = listing.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.stream().allMatch(f -> f.toString().endsWith(".eml")), "no partial files: " + files);
        try (InputStream in = Files.newInputStream(files.stream()
                .filter(f -> "Your sign-in code".equals(subject(f)))
                .findFirst()
                .orElseThrow())) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
            assertEquals("someone@example.com", message.getAllRecipients()[0].toString());
            assertEquals("anteroom@localhost", message.getFrom()[0].toString());
            assertTrue(message.getContent().toString().contains("12345678"));
        }
    }

    @Test
    void onlyTheServersUserReadsTheOutbox() throws Exception {
        Path folder = outbox.resolve("new");
        Mailer mailer = mailer(null, "25");
        mailer.configure(null, "25", null, null, false, "anteroom@localhost", folder.toString());
        mailer.send(new Mail("someone@example.com", "Your setup code", "The code is secret."));

        try (var listing = Files.list(folder)) {
            Path mail = listing.findFirst().orElseThrow();
            // Where the file system has no POSIX permissions (Windows), its ACLs decide: nothing to compare.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mail)));
            }
        }
    }

    @Test
    void anUnreachableSmtpServerIsAMailNotSentFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Mailer mailer = mailer("127.0.0.1", Integer.toString(closedPort));
        assertThrows(MailNotSentException.class, () -> mailer.send(new Mail("a@example.com", "Subject", "Text")));
    }

    @Test
    void aMalformedRecipientIsAMailNotSentFailure() {
        Mailer mailer = mailer(null, "25");
        assertThrows(MailNotSentException.class, () -> mailer.send(new Mail("not an address", "Subject", "Text")));
    }

    @Test
    void aServersMailSessionSendsWithItsOwnSettingsAndSender() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            // What an application server binds in JNDI: a session it configured, host and sender included.
            Properties server = new Properties();
            server.put("mail.transport.protocol", "smtp");
            server.put("mail.smtp.host", "127.0.0.1");
            server.put("mail.smtp.port", Integer.toString(port));
            server.put("mail.from", "desk@clinic.example");
            Mailer mailer = new Mailer();
            mailer.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            mailer.useSession(Session.getInstance(server), null);
            assertEquals(Mailer.Route.MAIL_SESSION, mailer.route());

            mailer.send(new Mail("someone@example.com", "Your sign-in code", "The code is 12345678."));
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("desk@clinic.example", received[0].getFrom()[0].toString());
            assertEquals("Your sign-in code", received[0].getSubject());
            mailer.probe(3000);

            // anteroom.mail.from, when set, wins over the session's sender.
            mailer.useSession(Session.getInstance(server), "ops@clinic.example");
            mailer.send(new Mail("someone@example.com", "Second", "Another."));
            assertEquals("ops@clinic.example", smtp.getReceivedMessages()[1].getFrom()[0].toString());
        } finally {
            smtp.stop();
        }
    }

    private Mailer mailer(String host, String port) {
        Mailer mailer = new Mailer();
        mailer.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        mailer.configure(host, port, null, null, false, "anteroom@localhost", outbox.toString());
        return mailer;
    }

    private static String subject(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), in).getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
