package org.anteroom.bridge;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.access.WrongCredentialsException;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.Failures;

/**
 * The one place where failures of the token endpoint become OAuth error bodies
 * ({@code {"error", "error_description"}}): wrong credentials and refused accounts are 400
 * {@code invalid_grant} as the official document shows, malformed requests 400 with their own
 * error, throttling 429 (see {@link #answer}). Anything unexpected is logged and answered with a
 * bare 500.
 */
public class OAuthExceptionMapper implements ExceptionMapper<Exception> {

    static final String INVALID_CREDENTIALS = "Invalid username or password";
    private static final Logger LOG = Logger.getLogger(OAuthExceptionMapper.class.getName());

    /** An OAuth error answer. */
    record Answer(int status, String error, String description) {}

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = Failures.unwrap(exception);
        if (failure instanceof OAuthException oauth) {
            return respond(new Answer(400, oauth.error(), oauth.getMessage()));
        }
        if (failure instanceof DomainException domain) {
            return respond(answer(domain));
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return respond(
                    new Answer(web.getResponse().getStatus(), "invalid_request", "The request is not a token request"));
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a token request", failure);
        return respond(new Answer(500, "server_error", "Internal server error"));
    }

    /**
     * Every kind of domain failure's OAuth error (docs/bridge.md). Wrong credentials get the
     * document's wording; an account that may not log in says why, to the holder of its password.
     */
    static Answer answer(DomainException failure) {
        return switch (failure.kind()) {
            case UNAUTHENTICATED ->
                new Answer(
                        400,
                        "invalid_grant",
                        failure instanceof WrongCredentialsException ? INVALID_CREDENTIALS : failure.getMessage());
            case THROTTLED -> new Answer(429, "invalid_grant", failure.getMessage());
            case INVALID, NOT_FOUND, FORBIDDEN, CONFLICT -> new Answer(400, "invalid_request", failure.getMessage());
            case UNAVAILABLE -> new Answer(503, "temporarily_unavailable", failure.getMessage());
        };
    }

    private static Response respond(Answer answer) {
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder()
                        .add("error", answer.error())
                        .add("error_description", answer.description())
                        .build())
                .build();
    }
}
