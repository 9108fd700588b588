package org.anteroom.ops;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.anteroom.platform.InvalidInputException;

/** The ops endpoints' bad input: 400 {@code {"error": "..."}}; any other error status reaches the JSON error page. */
public class OpsExceptionMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException invalid) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", invalid.getMessage())).build();
    }
}
