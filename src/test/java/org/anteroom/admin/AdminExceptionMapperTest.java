package org.anteroom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

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

    private final AdminExceptionMapper mapper = new AdminExceptionMapper();

    @Test
    void everyKindHasItsDocumentedAnswerAndSoDoesAnUnheardOfSubtype() {
        KindSamples.assertEveryKindAnswered(DOCUMENTED, AdminExceptionMapper::answer);
        assertEquals(new Answer(409, "conflict"), AdminExceptionMapper.answer(new ConcurrentChangeException("raced")));
    }

    @Test
    void invalidInputListsEveryProblemAndA401SaysHowToAuthenticate() {
        Response invalid = mapper.toResponse(
                new EJBException(new InvalidInputException(List.of("id is required", "name is required"))));
        assertEquals(400, invalid.getStatus());
        assertEquals(
                new ErrorBody(
                        "invalid", "id is required; name is required", List.of("id is required", "name is required")),
                invalid.getEntity());
        assertNull(invalid.getHeaderString("WWW-Authenticate"));

        Response unauthenticated = mapper.toResponse(new NotAuthenticatedException("no token"));
        assertEquals(401, unauthenticated.getStatus());
        assertEquals("Bearer realm=\"anteroom\"", unauthenticated.getHeaderString("WWW-Authenticate"));
        assertEquals(new ErrorBody("unauthenticated", "no token"), unauthenticated.getEntity());
        assertEquals(
                new ErrorBody("not_found", "Unknown Organization"),
                mapper.toResponse(new UnknownEntityException("Organization")).getEntity());
    }

    @Test
    void requestsTheSurfaceCannotReadGetTheirOwnStatus() {
        assertEquals(
                new ErrorBody("malformed", "id must be a string"),
                mapper.toResponse(new MalformedRequestException("id must be a string"))
                        .getEntity());
        Response large = mapper.toResponse(new MalformedRequestException(413, "too large"));
        assertEquals(413, large.getStatus());
        assertEquals("too_large", ((ErrorBody) large.getEntity()).error());
        assertEquals(
                "not_found",
                ((ErrorBody) mapper.toResponse(new NotFoundException()).getEntity()).error());
        Response method = mapper.toResponse(new NotAllowedException("GET", new String[] {"PUT"}));
        assertEquals(405, method.getStatus());
        assertEquals("method_not_allowed", ((ErrorBody) method.getEntity()).error());
        assertEquals(415, mapper.toResponse(new NotSupportedException()).getStatus());
    }

    @Test
    void anythingElseIsA500ThatRevealsNothing() {
        Response failure = mapper.toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, failure.getStatus());
        assertEquals(new ErrorBody("internal", "Internal server error"), failure.getEntity());
    }
}
