package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.anteroom.access.HashingBusyException;
import org.anteroom.access.LoginRefusedException;
import org.anteroom.access.WrongCredentialsException;
import org.anteroom.bridge.OAuthExceptionMapper.Answer;
import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.KindSamples;
import org.anteroom.platform.TooManyAttemptsException;
import org.junit.jupiter.api.Test;

/** Every kind of domain failure gets the OAuth error docs/bridge.md gives it, chosen by type, never by message. */
class OAuthExceptionMapperTest {

    private static final Map<Kind, Answer> DOCUMENTED = Map.of(
            Kind.NOT_FOUND, new Answer(400, "invalid_request", "Unknown Thing"),
            Kind.INVALID, new Answer(400, "invalid_request", "First is wrong; Second is wrong"),
            Kind.UNAUTHENTICATED, new Answer(400, "invalid_grant", "not authenticated"),
            Kind.FORBIDDEN, new Answer(400, "invalid_request", "forbidden"),
            Kind.CONFLICT, new Answer(400, "invalid_request", "conflict"),
            Kind.THROTTLED, new Answer(429, "invalid_grant", "throttled"),
            Kind.UNAVAILABLE, new Answer(503, "temporarily_unavailable", "unavailable"));

    @Test
    void everyKindHasItsDocumentedAnswerAndSoDoesAnUnheardOfSubtype() {
        KindSamples.assertEveryKindAnswered(DOCUMENTED, OAuthExceptionMapper::answer);
    }

    @Test
    void wrongCredentialsGetTheDocumentsWordingWhateverTheirMessage() {
        assertEquals(
                new Answer(400, "invalid_grant", "Invalid username or password"),
                OAuthExceptionMapper.answer(new WrongCredentialsException()));
        assertEquals(
                new Answer(400, "invalid_grant", "User account is suspended"),
                OAuthExceptionMapper.answer(new LoginRefusedException("User account is suspended")));
        // A refusal whose message happens to start like the wrong-credentials one is still not one.
        assertEquals(
                new Answer(400, "invalid_grant", "Invalid account state"),
                OAuthExceptionMapper.answer(new LoginRefusedException("Invalid account state")));
        String throttled = "Too many failed login attempts; try again later";
        assertEquals(
                new Answer(429, "invalid_grant", throttled),
                OAuthExceptionMapper.answer(new TooManyAttemptsException(throttled)));
        // Every password-hashing permit taken: OAuth's own word for "try again", not invalid_grant.
        assertEquals(
                new Answer(503, "temporarily_unavailable", "Too many password checks at once; try again in a moment"),
                OAuthExceptionMapper.answer(new HashingBusyException()));
    }
}
