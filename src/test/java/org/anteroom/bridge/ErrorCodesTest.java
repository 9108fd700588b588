package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.ejb.EJBException;
import jakarta.json.JsonValue;

import org.anteroom.access.AccountDisabledException;
import org.anteroom.access.TokenExpiredException;
import org.anteroom.access.TokenRevokedException;
import org.anteroom.access.TooManySocketsException;
import org.anteroom.bridge.ErrorCodes.Failure;
import org.anteroom.chat.AlreadyParticipantException;
import org.anteroom.chat.ChatRole;
import org.anteroom.chat.FileRefusedException;
import org.anteroom.chat.NotParticipantException;
import org.anteroom.chat.UnknownChatException;
import org.anteroom.chat.UnknownFileException;
import org.anteroom.chat.UnknownMessageException;
import org.anteroom.chat.UnknownRoleException;
import org.anteroom.mail.MailNotSentException;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.KindSamples;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;
import org.junit.jupiter.api.Test;

/** The bridge's error codes (docs/bridge.md): every kind has one, subtypes refine it, a refused auth says little. */
class ErrorCodesTest {

    /** The code a failure of the kind gets when no subtype has a closer one. */
    private static final Map<Kind, Integer> DOCUMENTED = Map.of(
            Kind.NOT_FOUND, 104,
            Kind.INVALID, 307,
            Kind.UNAUTHENTICATED, 201,
            Kind.FORBIDDEN, 303,
            Kind.CONFLICT, 302,
            Kind.THROTTLED, 302,
            Kind.UNAVAILABLE, 300);

    @Test
    void everyKindHasItsDocumentedCodeAndSoDoesAnUnheardOfSubtype() {
        KindSamples.assertEveryKindAnswered(DOCUMENTED, ErrorCodes::code);
        KindSamples.assertEveryKindAnswered(
                DOCUMENTED, failure -> ErrorCodes.of(failure).code());
        assertEquals(new Failure(303, "forbidden"), ErrorCodes.of(KindSamples.of(Kind.FORBIDDEN)));
    }

    @Test
    void subtypesGetTheProtocolsCloserCodes() {
        assertEquals(304, ErrorCodes.code(new UnknownChatException()));
        assertEquals(306, ErrorCodes.code(new UnknownMessageException()));
        assertEquals(308, ErrorCodes.code(new UnknownFileException()));
        assertEquals(305, ErrorCodes.code(new NotParticipantException("x")));
        assertEquals(309, ErrorCodes.code(new AlreadyParticipantException()));
        assertEquals(310, ErrorCodes.code(new FileRefusedException("x")));
        assertEquals(312, ErrorCodes.code(new UnknownRoleException("x")));
        assertEquals(203, ErrorCodes.code(new TokenExpiredException("x")));
        assertEquals(202, ErrorCodes.code(new AccountDisabledException("x")));
        assertEquals(201, ErrorCodes.code(new TokenRevokedException("x")));
        assertEquals(302, ErrorCodes.code(new ConcurrentChangeException("x")));
        assertEquals(302, ErrorCodes.code(new TooManySocketsException("x")));
        assertEquals(300, ErrorCodes.code(new MailNotSentException()));
    }

    @Test
    void wrappedFailuresAndTheUnexpected() {
        assertEquals(new Failure(303, "no"), ErrorCodes.of(new EJBException(new NotPermittedException("no"))));
        assertEquals(
                new Failure(307, "count must be a number"),
                ErrorCodes.of(new FrameException(307, "count must be a number")));
        assertEquals(
                new Failure(300, "Internal server error"),
                ErrorCodes.of(new EJBException(new IllegalStateException("secret"))));
    }

    @Test
    void refusedAuthsGetTheirCodes() {
        assertEquals(new Failure(203, "The token has expired"), ErrorCodes.auth(new TokenExpiredException("x")));
        assertEquals(new Failure(202, "The user is disabled"), ErrorCodes.auth(new AccountDisabledException("x")));
        assertEquals(
                new Failure(201, "The token was revoked; get a new one"),
                ErrorCodes.auth(new TokenRevokedException("x")));
        assertEquals(
                new Failure(201, "Invalid token"),
                ErrorCodes.auth(new NotAuthenticatedException("The token is not ours")));
        assertEquals(
                new Failure(201, "Invalid token"), ErrorCodes.auth(new FrameException(307, "token must be a string")));
        assertEquals(new Failure(201, "Invalid token"), ErrorCodes.auth(KindSamples.unheardOf(Kind.UNAUTHENTICATED)));
        assertEquals(
                new Failure(300, "Internal server error"), ErrorCodes.auth(new IllegalStateException("database down")));
    }

    @Test
    void aRoleThatCannotBeGivenIsNamedByItsProtocolName() {
        assertEquals(
                new Failure(312, "The role favorites_owner cannot be given"),
                ErrorCodes.of(new UnknownRoleException(ChatRole.FAVORITES_OWNER)));
        assertEquals(new Failure(312, "Unknown role"), ErrorCodes.of(new UnknownRoleException("Unknown role")));
    }

    @Test
    void aMalformedFrameIs307AndFileFailuresHaveTheirStatuses() {
        assertEquals(
                new Failure(307, "The frame is not JSON"),
                ErrorCodes.of(new Frame.Malformed(JsonValue.NULL, "The frame is not JSON")));
        assertEquals(404, ErrorCodes.status(ErrorCodes.of(new UnknownFileException())));
        assertEquals(400, ErrorCodes.status(ErrorCodes.of(new FileRefusedException("too big"))));
        assertEquals(500, ErrorCodes.status(ErrorCodes.of(new IllegalStateException("secret"))));
        assertEquals(409, ErrorCodes.status(ErrorCodes.of(new NotParticipantException("x"))));
    }

    @Test
    void aDisabledAccountIs202OutsideAuthToo() {
        assertEquals(202, ErrorCodes.of(new AccountDisabledException("x")).code());
        assertEquals(201, ErrorCodes.of(new TokenRevokedException("x")).code());
    }
}
