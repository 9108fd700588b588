package org.anteroom.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

import org.anteroom.access.AccountDisabledException;
import org.anteroom.access.HashingBusyException;
import org.anteroom.access.LoginRefusedException;
import org.anteroom.access.WrongCredentialsException;
import org.anteroom.chat.FileRefusedException;
import org.anteroom.chat.UnknownChatException;
import org.anteroom.legacy.LegacyExceptionMapper.Answer;
import org.anteroom.mail.MailNotSentException;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.KindSamples;
import org.junit.jupiter.api.Test;

/** Every kind of domain failure gets the answer docs/legacy-api.md gives it, a subtype nobody knows too. */
class LegacyExceptionMapperTest {

    private static final List<String> PROBLEMS = List.of("First is wrong", "Second is wrong");

    /** docs/legacy-api.md, "Status codes". */
    private static final Map<Kind, Answer> DOCUMENTED = Map.of(
            Kind.NOT_FOUND, new Answer(Status.OK, "Error reading Thing"),
            Kind.INVALID, new Answer(Status.OK, "First is wrong; Second is wrong", PROBLEMS),
            Kind.UNAUTHENTICATED, new Answer(Status.UNAUTHORIZED, "not authenticated"),
            Kind.FORBIDDEN, new Answer(Status.FORBIDDEN, "forbidden"),
            Kind.CONFLICT, new Answer(Status.OK, "conflict"),
            Kind.THROTTLED, new Answer(Status.TOO_MANY_REQUESTS, "throttled"),
            Kind.UNAVAILABLE, new Answer(Status.SERVICE_UNAVAILABLE, "unavailable"));

    @Test
    void everyKindHasItsDocumentedAnswerAndSoDoesAnUnheardOfSubtype() {
        KindSamples.assertEveryKindAnswered(DOCUMENTED, LegacyExceptionMapper::answer);
    }

    @Test
    void subtypesThatLegacyClientsTellApart() {
        assertEquals(
                new Answer(Status.OK, "Invalid credentials"),
                LegacyExceptionMapper.answer(new WrongCredentialsException()));
        assertEquals(
                new Answer(Status.OK, "User account is suspended"),
                LegacyExceptionMapper.answer(new LoginRefusedException("User account is suspended")));
        assertEquals(
                new Answer(Status.UNAUTHORIZED, "Invalid or expired security token"),
                LegacyExceptionMapper.answer(new AccountDisabledException("Invalid or expired security token")));
        assertEquals(
                new Answer(Status.OK, "Changed by someone else"),
                LegacyExceptionMapper.answer(new ConcurrentChangeException("Changed by someone else")));
        assertEquals(
                new Answer(Status.OK, "Error reading Chat"), LegacyExceptionMapper.answer(new UnknownChatException()));
        assertEquals(
                new Answer(Status.OK, "too large", List.of("too large")),
                LegacyExceptionMapper.answer(new FileRefusedException("too large")));
        assertEquals(
                new Answer(Status.SERVICE_UNAVAILABLE, "The email could not be sent; try again later"),
                LegacyExceptionMapper.answer(new MailNotSentException()));
        assertEquals(
                new Answer(Status.SERVICE_UNAVAILABLE, "Too many password checks at once; try again in a moment"),
                LegacyExceptionMapper.answer(new HashingBusyException()));
    }
}
