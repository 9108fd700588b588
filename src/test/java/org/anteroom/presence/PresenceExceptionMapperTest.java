package org.anteroom.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.anteroom.access.HashingBusyException;
import org.anteroom.access.TokenExpiredException;
import org.anteroom.access.TooManySocketsException;
import org.anteroom.chat.AlreadyParticipantException;
import org.anteroom.mail.MailNotSentException;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.KindSamples;
import org.junit.jupiter.api.Test;

/** Every kind of domain failure gets the status docs/presence-api.md gives it, a subtype nobody knows too. */
class PresenceExceptionMapperTest {

    private static final Map<Kind, Integer> DOCUMENTED = Map.of(
            Kind.NOT_FOUND, 404,
            Kind.INVALID, 400,
            Kind.UNAUTHENTICATED, 401,
            Kind.FORBIDDEN, 403,
            Kind.CONFLICT, 409,
            Kind.THROTTLED, 429,
            Kind.UNAVAILABLE, 503);

    @Test
    void everyKindHasItsDocumentedStatusAndSoDoesAnUnheardOfSubtype() {
        KindSamples.assertEveryKindAnswered(DOCUMENTED, PresenceExceptionMapper::status);
        assertEquals(409, PresenceExceptionMapper.status(new ConcurrentChangeException("raced")));
        assertEquals(409, PresenceExceptionMapper.status(new AlreadyParticipantException()));
        assertEquals(401, PresenceExceptionMapper.status(new TokenExpiredException("expired")));
        assertEquals(429, PresenceExceptionMapper.status(new TooManySocketsException("too many")));
        assertEquals(503, PresenceExceptionMapper.status(new MailNotSentException()));
        assertEquals(503, PresenceExceptionMapper.status(new HashingBusyException()));
    }
}
