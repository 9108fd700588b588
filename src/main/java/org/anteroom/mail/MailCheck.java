package org.anteroom.mail;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;

import org.anteroom.platform.ReadinessCheck;

/**
 * Readiness of mail: with SMTP configured, directly or through the server's mail session, the SMTP server must accept
 * a connection (EHLO, NOOP) within 3 s; the file outbox needs no check. The answer is kept for 5 s, so a storm of
 * probes costs the SMTP server one connection every 5 s. One probe runs at a time: while it does, other checks answer
 * with the last result instead of queueing behind an SMTP server that hangs (a server's mail session without
 * timeouts could hold its probe for ever).
 */
@ApplicationScoped
public class MailCheck implements ReadinessCheck {

    static final String NAME = "mail";
    private static final String TRANSPORT = "transport";
    private static final int TIMEOUT_MILLIS = 3000;
    private static final long KEEP_NANOS = 5_000_000_000L;

    @Inject
    Mailer mailer;

    private final ReentrantLock probing = new ReentrantLock();
    private volatile Result last;
    private volatile long checkedAt;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result check() {
        if (mailer.route() == Mailer.Route.OUTBOX) {
            return Result.up(NAME, Map.of(TRANSPORT, Mailer.Route.OUTBOX.label));
        }
        Result known = fresh();
        if (known != null) {
            return known;
        }
        if (!probing.tryLock()) {
            Result previous = last;
            return previous != null ? previous : Result.down(NAME, "The SMTP server has not answered yet");
        }
        try {
            known = fresh(); // another probe may have finished since
            if (known == null) {
                known = probe();
                last = known;
                checkedAt = System.nanoTime();
            }
            return known;
        } finally {
            probing.unlock();
        }
    }

    /** The last result while it is young enough. The machine's monotonic time: tests move the server clock. */
    private Result fresh() {
        Result known = last;
        return known != null && System.nanoTime() - checkedAt < KEEP_NANOS ? known : null;
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
