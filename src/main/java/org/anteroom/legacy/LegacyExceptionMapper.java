package org.anteroom.legacy;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
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
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.TooManyAttemptsException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The one place where failures become legacy responses. Domain failures (not found, validation,
 * refused login) answer 200 with {@code success: false}, as legacy clients expect; a missing or
 * expired token answers 401, a forbidden operation 403, throttling 429, a malformed request 400.
 * Nothing unexpected leaks: it is logged here and the client gets a plain 500 envelope.
 */
public class LegacyExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(LegacyExceptionMapper.class.getName());

    @Context
    ResourceInfo resourceInfo;

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = exception instanceof EJBException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (failure instanceof DomainException domain) {
            return domain(domain);
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

    private Response domain(DomainException failure) {
        if (failure instanceof UnknownEntityException unknown) {
            return respond(Status.OK, "Error reading " + unknown.entity());
        }
        if (failure instanceof InvalidInputException invalid) {
            if (accountEnvelope()) {
                return respond(Status.OK, String.join("; ", invalid.problems()));
            }
            return Response.ok(Envelope.invalid(invalid.problems()), MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (failure instanceof ConcurrentChangeException) {
            return respond(Status.OK, failure.getMessage());
        }
        if (failure instanceof LoginRefusedException) {
            return respond(Status.OK, failure.getMessage());
        }
        if (failure instanceof NotAuthenticatedException) {
            return respond(Status.UNAUTHORIZED, failure.getMessage());
        }
        if (failure instanceof NotPermittedException) {
            return respond(Status.FORBIDDEN, failure.getMessage());
        }
        if (failure instanceof TooManyAttemptsException) {
            return respond(Status.TOO_MANY_REQUESTS, failure.getMessage());
        }
        return respond(Status.BAD_REQUEST, failure.getMessage());
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
        Response.ResponseBuilder builder = Response.status(status)
                .entity(envelope(message))
                .type(MediaType.APPLICATION_JSON_TYPE);
        failure.getResponse().getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private Response respond(Status status, String message) {
        return Response.status(status).entity(envelope(message)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Object envelope(String message) {
        return accountEnvelope() ? ValidateAccountResponse.failure(message) : Envelope.failure(message);
    }

    private boolean accountEnvelope() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        return method != null && (method.isAnnotationPresent(AccountEnvelope.class)
                || method.getDeclaringClass().isAnnotationPresent(AccountEnvelope.class));
    }
}
