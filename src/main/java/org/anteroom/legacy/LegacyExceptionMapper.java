package org.anteroom.legacy;

import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.access.LoginRefusedException;
import org.anteroom.legacy.AccountFacts.ValidateAccountResponse;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.Failures;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The one place where failures become legacy responses. Domain failures answer by their kind (see
 * {@link #answer}): not found, validation, a refused login and a conflict 200 with
 * {@code success: false}, as legacy clients expect; a missing or expired token 401, a forbidden
 * operation 403, throttling 429, an unavailable service 503; a malformed request 400. Nothing
 * unexpected leaks: it is logged here and the client gets a plain 500 envelope.
 */
public class LegacyExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(LegacyExceptionMapper.class.getName());

    @Context
    ResourceInfo resourceInfo;

    /** A domain failure's answer; {@code problems} is set for validation, which lists them in {@code data}. */
    record Answer(Status status, String failMessage, List<String> problems) {

        Answer(Status status, String failMessage) {
            this(status, failMessage, null);
        }
    }

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = Failures.unwrap(exception);
        if (failure instanceof DomainException domain) {
            Answer answer = answer(domain);
            if (answer.problems() != null && !accountEnvelope()) {
                return Response.ok(Envelope.invalid(answer.problems()), MediaType.APPLICATION_JSON_TYPE)
                        .build();
            }
            return respond(answer.status(), answer.failMessage());
        }
        if (failure instanceof MalformedRequestException malformed) {
            return respond(Status.fromStatusCode(malformed.status()), malformed.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            return web(web);
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a legacy request", failure);
        return respond(Status.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    /**
     * Every kind of domain failure's status and {@code failMessage} (docs/legacy-api.md); a subtype
     * matters only for a refused login, which legacy clients read as {@code success: false}.
     */
    static Answer answer(DomainException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> new Answer(Status.OK, "Error reading " + ((UnknownEntityException) failure).entity());
            case INVALID -> new Answer(Status.OK, failure.getMessage(), ((InvalidInputException) failure).problems());
            case UNAUTHENTICATED ->
                new Answer(
                        failure instanceof LoginRefusedException ? Status.OK : Status.UNAUTHORIZED,
                        failure.getMessage());
            case FORBIDDEN -> new Answer(Status.FORBIDDEN, failure.getMessage());
            case CONFLICT -> new Answer(Status.OK, failure.getMessage());
            case THROTTLED -> new Answer(Status.TOO_MANY_REQUESTS, failure.getMessage());
            case UNAVAILABLE -> new Answer(Status.SERVICE_UNAVAILABLE, failure.getMessage());
        };
    }

    private Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        String message;
        if (failure instanceof NotFoundException) {
            message = "Unknown operation";
        } else if (failure instanceof NotAllowedException) {
            message = "Method not allowed for this operation";
        } else if (status >= 500) {
            LOG.log(Level.SEVERE, "Server failure of a legacy request", failure);
            message = "Internal server error";
        } else {
            message = failure.getMessage() == null ? "Bad request" : failure.getMessage();
        }
        Response.ResponseBuilder builder =
                Response.status(status).entity(envelope(message)).type(MediaType.APPLICATION_JSON_TYPE);
        failure.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private Response respond(Status status, String message) {
        return Response.status(status)
                .entity(envelope(message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private Object envelope(String message) {
        return accountEnvelope() ? ValidateAccountResponse.failure(message) : Envelope.failure(message);
    }

    private boolean accountEnvelope() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return method != null
                && (method.isAnnotationPresent(AccountEnvelope.class)
                        || method.getDeclaringClass().isAnnotationPresent(AccountEnvelope.class));
    }
}
