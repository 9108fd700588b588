package org.anteroom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.anteroom.admin.AdminExceptionMapper.Answer;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.DomainException.Kind;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.KindSamples;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.UnknownEntityException;
import org.junit.jupiter.api.Test;

/** Every kind of domain failure gets the status and code docs/admin-api.md gives it, a subtype nobody knows too. */
class AdminExceptionMapperTest {

    private static final Map<Kind, Answer> DOCUMENTED = Map.of(
            Kind.NOT_FOUND, new Answer(404, "not_found"),
            Kind.INVALID, new Answer(400, "invalid"),
            Kind.UNAUTHENTICATED, new Answer(401, "unauthenticated"),
            Kind.FORBIDDEN, new Answer(403, "forbidden"),
            Kind.CONFLICT, new Answer(409, "conflict"),
            Kind.THROTTLED, new Answer(429, "throttled"),
            Kind.UNAVAILABLE, new Answer(503, "unavailable"));

    @Test
    void everyKindHasItsDocumentedAnswerAndSoDoesAnUnheardOfSubtype() {
        KindSamples.assertEveryKindAnswered(DOCUMENTED, AdminExceptionMapper::answer);
        assertEquals(new Answer(409, "conflict"), AdminExceptionMapper.answer(new ConcurrentChangeException("raced")));
    }

    @Test
    void invalidInputListsEveryProblemAndOtherFailuresTheirMessage() {
        assertEquals(
                new ErrorBody(
                        "invalid", "id is required; name is required", List.of("id is required", "name is required")),
                AdminExceptionMapper.body(new InvalidInputException(List.of("id is required", "name is required"))));
        assertEquals(
                new ErrorBody("not_found", "Unknown Organization"),
                AdminExceptionMapper.body(new UnknownEntityException("Organization")));
        assertEquals(
                new ErrorBody("unauthenticated", "no token"),
                AdminExceptionMapper.body(new NotAuthenticatedException("no token")));
    }
}
