package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.ejb.EJBException;

import org.anteroom.access.AccountDisabledException;
import org.anteroom.access.LoginRefusedException;
import org.anteroom.access.TooManySocketsException;
import org.anteroom.access.WrongCredentialsException;
import org.anteroom.chat.AlreadyParticipantException;
import org.anteroom.chat.FileRefusedException;
import org.anteroom.chat.NotParticipantException;
import org.anteroom.chat.UnknownChatException;
import org.anteroom.mail.MailNotSentException;
import org.anteroom.platform.DomainException.Kind;
import org.junit.jupiter.api.Test;

/** Each failure has the kind its base type declares, and the wrappers of containers come off in one place. */
class DomainExceptionTest {

    @Test
    void everyBaseTypeDeclaresItsKind() {
        for (Kind kind : Kind.values()) {
            assertEquals(kind, KindSamples.of(kind).kind());
            assertEquals(kind, KindSamples.unheardOf(kind).kind());
        }
    }

    @Test
    void subtypesKeepTheirBaseKind() {
        assertEquals(Kind.NOT_FOUND, new UnknownChatException().kind());
        assertEquals(Kind.INVALID, new FileRefusedException("too large").kind());
        assertEquals(Kind.UNAUTHENTICATED, new AccountDisabledException("x").kind());
        assertEquals(Kind.UNAUTHENTICATED, new LoginRefusedException("User account is suspended").kind());
        assertEquals(Kind.UNAUTHENTICATED, new WrongCredentialsException().kind());
        assertEquals(Kind.FORBIDDEN, new NotParticipantException("x").kind());
        assertEquals(Kind.CONFLICT, new AlreadyParticipantException().kind());
        assertEquals(Kind.CONFLICT, new ConcurrentChangeException("x").kind());
        assertEquals(Kind.THROTTLED, new TooManySocketsException("x").kind());
        assertEquals(Kind.UNAVAILABLE, new MailNotSentException().kind());
    }

    @Test
    void unwrapFindsTheFailureInsideContainerWrappers() {
        DomainException refused = new NotPermittedException("no");
        assertSame(refused, Failures.unwrap(refused));
        assertSame(refused, Failures.unwrap(new EJBException(refused)));
        assertSame(refused, Failures.unwrap(new CompletionException(new EJBException(refused))));
        assertSame(refused, Failures.unwrap(new ExecutionException(refused)));
    }

    @Test
    void unwrapLeavesAnUnexpectedFailureAsItIs() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, Failures.unwrap(new EJBException(bug)));
        RuntimeException other = new RuntimeException(new NotPermittedException("not a container's wrapper"));
        assertSame(other, Failures.unwrap(other));
        EJBException bare = new EJBException("no cause");
        assertSame(bare, Failures.unwrap(bare));
    }
}
