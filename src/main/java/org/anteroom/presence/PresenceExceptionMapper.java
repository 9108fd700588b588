package org.anteroom.presence;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.platform.DomainException;
import org.anteroom.platform.Failures;

/**
 * The one place where failures become presence responses: {@code {"error": "..."}} with the
 * domain failure's message and a status by its kind (see {@link #status}), or 405 and 413 for a
 * request the surface cannot read. Anything unexpected is logged here and answered with a plain
 * 500 that reveals nothing.
 */
public class PresenceExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(PresenceExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = Failures.unwrap(exception);
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

    /** Every kind of domain failure's status (docs/presence-api.md); no subtype needs more detail here. */
    static int status(DomainException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
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
            message = Status.fromStatusCode(status) == null
                    ? "Bad request"
                    : Status.fromStatusCode(status).getReasonPhrase();
        }
        Response.ResponseBuilder builder =
                Response.status(status).entity(new ErrorBody(message)).type(MediaType.APPLICATION_JSON_TYPE);
        String allow = failure.getResponse().getHeaderString("Allow");
        if (allow != null) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    private static Response respond(int status, String message) {
        return Response.status(status)
                .entity(new ErrorBody(message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
