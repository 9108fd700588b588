package org.anteroom.mail;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import org.anteroom.platform.ReadinessCheck;

/**
 * Readiness of mail: with SMTP configured, directly or through the server's mail session, the SMTP server must accept
 * a connection (EHLO, NOOP) within 3 s; the file outbox needs no check. The answer is kept for 5 s, so a storm of probes costs the SMTP server one connection
 * every 5 s, and concurrent probes wait for the one in progress.
 */
@ApplicationScoped
public class MailCheck implements ReadinessCheck {

    static final String NAME = "mail";
    private static final String TRANSPORT = "transport";
    private static final int TIMEOUT_MILLIS = 3000;
    private static final long KEEP_NANOS = 5_000_000_000L;

    @Inject
    Mailer mailer;

    private Result last;
    private long checkedAt;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Result check() {
        if (mailer.route() == Mailer.Route.OUTBOX) {
            return Result.up(NAME, Map.of(TRANSPORT, Mailer.Route.OUTBOX.label));
        }
        // The machine's monotonic time, not the server clock: tests move that one, and this is no domain rule.
        long now = System.nanoTime();
        if (last == null || now - checkedAt >= KEEP_NANOS) {
            last = probe();
            checkedAt = System.nanoTime();
        }
        return last;
    }

    private Result probe() {
        try {
            mailer.probe(TIMEOUT_MILLIS);
            return Result.up(NAME, Map.of(TRANSPORT, mailer.route().label));
        } catch (MessagingException | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return Result.down(NAME, "The SMTP server cannot be reached: " + cause);
        }
    }
}
