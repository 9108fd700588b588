package org.anteroom.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The statuses that JAX-RS itself answers with no body (no resource, method or media type matched:
 * 404, 405, 406, 415, ...), written as the error page writes them, for the applications that have no
 * error vocabulary of their own (ops, well-known). Jersey hands such a status to the container, whose
 * error page writes the JSON; RESTEasy sets the status only and the body stays empty. Answering it
 * here gives the same status, headers ({@code Allow}) and body on both.
 */
public class StatusExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response answer = failure.getResponse();
        if (answer.hasEntity()) {
            return answer;
        }
        return Response.fromResponse(answer)
                .type(ErrorPage.CONTENT_TYPE)
                .entity(ErrorPage.body(answer.getStatus()))
                .build();
    }
}
