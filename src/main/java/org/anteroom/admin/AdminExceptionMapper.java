package org.anteroom.admin;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.platform.DomainException;
import org.anteroom.platform.Failures;
import org.anteroom.platform.InvalidInputException;

/**
 * The one place where failures become admin API answers ({@link ErrorBody}): a domain failure by its
 * kind ({@link #answer}), a request the surface cannot read by its own status, JAX-RS's own refusals
 * (no such path, method, media type) with theirs. A 401 says how to authenticate ({@code
 * WWW-Authenticate: Bearer}). Anything unexpected is logged here once and answered with a plain 500
 * that reveals nothing.
 */
public class AdminExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(AdminExceptionMapper.class.getName());

    static final String CHALLENGE = "Bearer realm=\"anteroom\"";

    /** A status and an error code. */
    record Answer(int status, String error) {}

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = Failures.unwrap(exception);
        if (failure instanceof DomainException domain) {
            Answer answer = answer(domain);
            Response.ResponseBuilder builder = respond(answer.status(), body(domain));
            if (answer.status() == 401) {
                builder.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            }
            return builder.build();
        }
        if (failure instanceof MalformedRequestException malformed) {
            return respond(
                            malformed.status(),
                            new ErrorBody(
                                    malformed.status() == 413 ? "too_large" : "malformed", malformed.getMessage()))
                    .build();
        }
        if (failure instanceof WebApplicationException web) {
            return web(web);
        }
        LOG.log(Level.SEVERE, "Unexpected failure of an admin request", failure);
        return respond(500, new ErrorBody("internal", "Internal server error")).build();
    }

    /** Every kind's status and code (docs/admin-api.md); no subtype needs more detail here. */
    static Answer answer(DomainException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> new Answer(404, "not_found");
            case INVALID -> new Answer(400, "invalid");
            case UNAUTHENTICATED -> new Answer(401, "unauthenticated");
            case FORBIDDEN -> new Answer(403, "forbidden");
            case CONFLICT -> new Answer(409, "conflict");
            case THROTTLED -> new Answer(429, "throttled");
            case UNAVAILABLE -> new Answer(503, "unavailable");
        };
    }

    /** The body of a domain failure: its kind's code, its message, and for invalid input every problem. */
    static ErrorBody body(DomainException failure) {
        String error = answer(failure).error();
        return failure instanceof InvalidInputException invalid
                ? new ErrorBody(error, failure.getMessage(), invalid.problems())
                : new ErrorBody(error, failure.getMessage());
    }

    private static Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        ErrorBody body;
        if (failure instanceof NotFoundException) {
            body = new ErrorBody("not_found", "Unknown endpoint");
        } else if (failure instanceof NotAllowedException) {
            body = new ErrorBody("method_not_allowed", "Method not allowed for this endpoint");
        } else if (failure instanceof NotSupportedException) {
            body = new ErrorBody("unsupported_media_type", "The request body must be application/json");
        } else if (failure instanceof NotAcceptableException) {
            body = new ErrorBody("not_acceptable", "The admin API answers application/json only");
        } else if (status >= 500) {
            LOG.log(Level.SEVERE, "Server failure of an admin request", failure);
            body = new ErrorBody("internal", "Internal server error");
        } else {
            body = new ErrorBody("malformed", "The request could not be read");
        }
        Response.ResponseBuilder builder = respond(status, body);
        String allow = failure.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    private static Response.ResponseBuilder respond(int status, ErrorBody body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE);
    }
}
