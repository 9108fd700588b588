package org.anteroom.bridge;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.access.LoginRefusedException;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.TooManyAttemptsException;

/**
 * The one place where failures of the token endpoint become OAuth error bodies
 * ({@code {"error", "error_description"}}): wrong credentials and refused accounts are 400
 * {@code invalid_grant} as the official document shows, malformed requests 400 with their own
 * error, throttling 429. Anything unexpected is logged and answered with a bare 500.
 */
public class OAuthExceptionMapper implements ExceptionMapper<Exception> {

    static final String INVALID_CREDENTIALS = "Invalid username or password";
    private static final Logger LOG = Logger.getLogger(OAuthExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable failure = exception instanceof EJBException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (failure instanceof OAuthException oauth) {
            return respond(400, oauth.error(), oauth.getMessage());
        }
        if (failure instanceof LoginRefusedException refused) {
            String message = refused.getMessage().startsWith("Invalid") ? INVALID_CREDENTIALS : refused.getMessage();
            return respond(400, "invalid_grant", message);
        }
        if (failure instanceof TooManyAttemptsException throttled) {
            return respond(429, "invalid_grant", throttled.getMessage());
        }
        if (failure instanceof InvalidInputException || failure instanceof DomainException) {
            return respond(400, "invalid_request", failure.getMessage());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return respond(web.getResponse().getStatus(), "invalid_request", "The request is not a token request");
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a token request", failure);
        return respond(500, "server_error", "Internal server error");
    }

    private static Response respond(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", error).add("error_description", description).build())
                .build();
    }
}
