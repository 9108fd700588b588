package org.anteroom.presence;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.mail.MailNotSentException;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.TooManyAttemptsException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The one place where failures become presence responses: {@code {"error": "..."}} with 400 (bad
 * input), 401 (no valid session or token), 403, 404, 405, 409 (a concurrent change, or a request that does not fit the current state), 413, 429
 * (throttled) or 503 (mail could not be sent). Anything unexpected is logged here and answered with a
 * plain 500 that reveals nothing.
 */
public class PresenceExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(PresenceExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = exception instanceof EJBException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (failure instanceof DomainException domain) {
            return respond(status(domain), domain.getMessage());
        }
        if (failure instanceof MalformedBodyException malformed) {
            return respond(malformed.status(), malformed.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            return web(web);
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a presence request", failure);
        return respond(500, "Internal server error");
    }

    private static int status(DomainException failure) {
        if (failure instanceof UnknownEntityException) {
            return 404;
        }
        if (failure instanceof InvalidInputException) {
            return 400;
        }
        if (failure instanceof NotAuthenticatedException) {
            return 401;
        }
        if (failure instanceof NotPermittedException) {
            return 403;
        }
        if (failure instanceof ConcurrentChangeException || failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof TooManyAttemptsException) {
            return 429;
        }
        if (failure instanceof MailNotSentException) {
            return 503;
        }
        return 400;
    }

    private static Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        String message;
        if (failure instanceof NotFoundException) {
            message = "Unknown endpoint";
        } else if (failure instanceof NotAllowedException) {
            message = "Method not allowed for this endpoint";
        } else if (status >= 500) {
            LOG.log(Level.SEVERE, "Server failure of a presence request", failure);
            message = "Internal server error";
        } else {
            message = Status.fromStatusCode(status) == null ? "Bad request" : Status.fromStatusCode(status).getReasonPhrase();
        }
        Response.ResponseBuilder builder = Response.status(status).entity(new ErrorBody(message))
                .type(MediaType.APPLICATION_JSON_TYPE);
        String allow = failure.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    private static Response respond(int status, String message) {
        return Response.status(status).entity(new ErrorBody(message)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
