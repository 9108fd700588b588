package org.anteroom.admin;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.platform.DomainException;

/**
 * The admin surface's domain failures: {@code {"error": "..."}} with a status by kind. The statuses
 * JAX-RS answers itself (404, 405, 415) get the error page's JSON from
 * {@link org.anteroom.platform.StatusExceptionMapper}; anything else reaches the error page.
 */
public class AdminExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException failure) {
        return Response.status(status(failure))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", failure.getMessage()))
                .build();
    }

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
}
