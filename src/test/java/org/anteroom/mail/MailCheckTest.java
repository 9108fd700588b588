package org.anteroom.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Session;

import org.anteroom.platform.ReadinessCheck.Result;
import org.junit.jupiter.api.Test;

/** The mail check against an SMTP server that accepts a connection and then says nothing, for ever. */
class MailCheckTest {

    @Test
    void aProbeThatHangsDoesNotHoldTheOtherChecks() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            // A server's mail session with no timeouts: its probe waits for a greeting that never comes.
            Properties server = new Properties();
            server.put("mail.transport.protocol", "smtp");
            server.put("mail.smtp.host", "127.0.0.1");
            server.put("mail.smtp.port", Integer.toString(silent.getLocalPort()));
            Mailer mailer = new Mailer();
            mailer.clock = Clock.systemUTC();
            mailer.useSession(Session.getInstance(server), "desk@clinic.example");
            MailCheck check = new MailCheck();
            check.mailer = mailer;

            CompletableFuture<Result> hanging = CompletableFuture.supplyAsync(check::check);
            try (Socket accepted = silent.accept()) {
                // Answered at once, not after the hanging probe (the get fails if it waits behind it).
                Result meanwhile = CompletableFuture.supplyAsync(check::check).get(5, TimeUnit.SECONDS);
                assertFalse(meanwhile.up(), meanwhile.toString());
                assertEquals(
                        "The SMTP server has not answered yet", meanwhile.data().get("reason"));
                assertFalse(hanging.isDone(), "the first probe still waits for the greeting");
            }
            // The server hangs up: the first probe ends, DOWN, and is what the next check answers.
            Result ended = hanging.get(10, TimeUnit.SECONDS);
            assertFalse(ended.up());
            assertTrue(ended.data().get("reason").startsWith("The SMTP server cannot be reached"), ended.toString());
            assertEquals(ended, check.check());
        }
    }
}
