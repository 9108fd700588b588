package org.anteroom.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.anteroom.platform.Meters;
import org.anteroom.platform.Settings;

/**
 * Sends mail through the application server's mail session when {@code anteroom.mail.jndi} names one, else through
 * SMTP when {@code anteroom.mail.smtp.host} is set; otherwise writes each message as an {@code .eml} file into the
 * outbox. Failures are logged without the message body (it may hold a one-time code) and reported as
 * {@link MailNotSentException}.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";
    private static final String MAIL_SMTP_HOST = "anteroom.mail.smtp.host";
    private static final String MAIL_SMTP_PORT = "anteroom.mail.smtp.port";
    private static final String MAIL_SMTP_USER = "anteroom.mail.smtp.user";
    private static final String MAIL_SMTP_PASSWORD = "anteroom.mail.smtp.password";
    private static final String MAIL_SMTP_STARTTLS = "anteroom.mail.smtp.starttls";
    private static final String MAIL_FROM = "anteroom.mail.from";
    private static final String MAIL_OUTBOX = "anteroom.mail.outbox";
    private static final String MAIL_JNDI = "anteroom.mail.jndi";
    private static final String DEFAULT_FROM = "anteroom@localhost";

    /** Where mail goes, as readiness reports it. */
    enum Route {
        OUTBOX("outbox"),
        SMTP("smtp"),
        MAIL_SESSION("mail-session");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    static final Meters.Metric FAILURES =
            new Meters.Metric("anteroom_mail_failures", "Mails that could not be sent (SMTP or outbox)");

    @Inject
    Clock clock;

    @Inject
    Meters meters;

    private Meters.Counter failures;
    private Route route;
    private Session session;
    private Properties smtp;
    private Authenticator authenticator;
    private InternetAddress from;
    private Path outbox;

    @PostConstruct
    void configure() {
        failures = meters.counter(FAILURES);
        Optional<String> jndi = Settings.text(MAIL_JNDI);
        if (jndi.isPresent()) {
            useSession(lookup(jndi.get()), Settings.text(MAIL_FROM).orElse(null));
            return;
        }
        configure(
                Settings.text(MAIL_SMTP_HOST).orElse(null),
                Settings.text(MAIL_SMTP_PORT, "25"),
                Settings.text(MAIL_SMTP_USER).orElse(null),
                Settings.text(MAIL_SMTP_PASSWORD).orElse(null),
                Settings.flag(MAIL_SMTP_STARTTLS, false),
                Settings.text(MAIL_FROM, DEFAULT_FROM),
                Settings.text(MAIL_OUTBOX)
                        .orElseGet(() -> Settings.dataDir().resolve("outbox").toString()));
    }

    void configure(
            String host,
            String port,
            String user,
            String password,
            boolean starttls,
            String sender,
            String outboxDirectory) {
        Properties properties = new Properties();
        if (host != null) {
            properties.put("mail.transport.protocol", "smtp");
            properties.put("mail.smtp.host", host);
            properties.put("mail.smtp.port", port);
            properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
            properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
            properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
            properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
            properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        }
        Authenticator authenticator = null;
        if (host != null && user != null) {
            properties.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.route = host == null ? Route.OUTBOX : Route.SMTP;
        this.session = Session.getInstance(properties, authenticator);
        this.smtp = host == null ? null : properties;
        this.authenticator = authenticator;
        this.outbox = host == null ? Path.of(outboxDirectory) : null;
        this.from = address(sender, MAIL_FROM);
    }

    /**
     * The server's mail session: its host, port, credentials and timeouts are the administrator's, set in the
     * server's console. The sender is {@code anteroom.mail.from}, else the session's {@code mail.from}.
     */
    void useSession(Session serverSession, String sender) {
        this.route = Route.MAIL_SESSION;
        this.session = serverSession;
        this.smtp = null;
        this.authenticator = null;
        this.outbox = null;
        String sessionSender = serverSession.getProperty("mail.from");
        this.from = sender != null
                ? address(sender, MAIL_FROM)
                : address(sessionSender != null ? sessionSender : DEFAULT_FROM, "the mail session's mail.from");
        String protocol = serverSession.getProperty("mail.transport.protocol");
        String prefix = "mail." + (protocol == null ? "smtp" : protocol) + ".";
        if (serverSession.getProperty(prefix + "connectiontimeout") == null
                || serverSession.getProperty(prefix + "timeout") == null) {
            LOG.warning(() -> MAIL_JNDI + ": the server's mail session sets no " + prefix + "connectiontimeout and "
                    + prefix + "timeout, so an SMTP server that hangs holds each request that mails a code for as"
                    + " long as it hangs (docs/admin.md, \"Mail\")");
        }
    }

    private static Session lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof Session serverSession) {
                return serverSession;
            }
            throw new IllegalStateException(MAIL_JNDI + " names '" + name + "', which is a "
                    + found.getClass().getName() + ", not a mail session");
        } catch (NamingException e) {
            throw new IllegalStateException(
                    MAIL_JNDI + " names '" + name + "', which the server does not know ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    private static InternetAddress address(String sender, String source) {
        try {
            return new InternetAddress(sender, true);
        } catch (MessagingException e) {
            throw new IllegalStateException(source + " is not a valid address", e);
        }
    }

    /**
     * Made at startup, so that its counter is exported (as zero) before the first failure, and a mail session that
     * the server does not have stops the deployment, saying so.
     */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        route();
    }

    public void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.text(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.saveChanges();
            if (outbox == null) {
                Transport.send(message);
            } else {
                write(message);
            }
        } catch (MessagingException | IOException e) {
            // Neither subject nor body: either may carry a one-time code.
            LOG.log(Level.WARNING, "Cannot send a mail: {0}", e.toString());
            if (failures != null) {
                failures.increment();
            }
            throw new MailNotSentException();
        }
    }

    Route route() {
        return route;
    }

    /**
     * Connects to the SMTP server as a send would (EHLO, STARTTLS and login when configured), asks NOOP and quits.
     * With our own SMTP settings each step is bounded by the timeout; a server's mail session keeps the timeouts
     * its administrator gave it ({@code mail.smtp.connectiontimeout}, {@code mail.smtp.timeout}).
     */
    void probe(int timeoutMillis) throws MessagingException {
        Transport transport;
        if (route == Route.MAIL_SESSION) {
            transport = session.getTransport();
        } else {
            Properties properties = new Properties();
            properties.putAll(smtp);
            String timeout = Integer.toString(timeoutMillis);
            properties.put("mail.smtp.connectiontimeout", timeout);
            properties.put("mail.smtp.timeout", timeout);
            properties.put("mail.smtp.writetimeout", timeout);
            transport = Session.getInstance(properties, authenticator).getTransport("smtp");
        }
        try {
            transport.connect();
            if (!transport.isConnected()) {
                throw new MessagingException("The SMTP server did not answer NOOP");
            }
        } finally {
            transport.close();
        }
    }

    /**
     * Written under a temporary name and moved into place, so a reader never sees half a message. Readable by the
     * server's user only (where the file system has POSIX permissions): a mail may carry a sign-in or setup code.
     */
    private void write(MimeMessage message) throws IOException, MessagingException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(outbox)) {
            if (posix) {
                Files.createDirectories(
                        outbox, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(outbox);
            }
        }
        String name = clock.millis() + "-" + UUID.randomUUID();
        Path partial = outbox.resolve(name + ".tmp");
        if (posix) {
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        Files.move(partial, outbox.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
    }
}
