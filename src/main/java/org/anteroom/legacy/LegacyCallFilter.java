package org.anteroom.legacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.anteroom.access.Caller;
import org.anteroom.access.SecurityTokens;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;

/**
 * Binds every legacy request's parameters (query string, then form body) and, for operations marked
 * {@link Secured}, checks the token: from {@code token}, or {@code Authorization: Bearer} for newer
 * clients. The body is read once here and handed back untouched, so nothing downstream notices.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class LegacyCallFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    LegacyCall call;

    @Inject
    SecurityTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<Map<String, List<String>>> sources = new ArrayList<>();
        sources.add(request.getUriInfo().getQueryParameters());
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            byte[] body = readBounded(request.getEntityStream());
            request.setEntityStream(new ByteArrayInputStream(body));
            sources.add(LegacyParameters.parseForm(body));
        }
        call.bind(LegacyParameters.merge(sources));

        Secured secured = resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(Secured.class);
        if (secured != null) {
            authenticate(request, secured);
        }
    }

    private void authenticate(ContainerRequestContext request, Secured secured) {
        String token = call.text("token");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token == null && authorization != null && authorization.startsWith(BEARER)) {
            token = authorization.substring(BEARER.length()).trim();
        }
        Caller caller = tokens.authenticate(token);
        String claimed = call.text("temporalSession");
        if (claimed != null && LegacyParameters.bool("temporalSession", claimed, false) != caller.temporal()) {
            throw new NotAuthenticatedException(caller.temporal()
                    ? "The security token is temporal but temporalSession is false"
                    : "The security token is not temporal but temporalSession is true");
        }
        if (caller.temporal()) {
            if (!secured.temporal()) {
                throw new NotPermittedException("This operation cannot be used with a temporal token");
            }
        } else {
            String userId = call.text("userId");
            if (userId == null && secured.userId()) {
                throw new MalformedRequestException("userId is mandatory");
            }
            if (userId != null && !userId.equals(caller.userId())) {
                throw new NotPermittedException("userId does not match the security token");
            }
        }
        call.authenticate(token, caller);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(LegacyParameters.MAX_BODY_BYTES + 1);
        if (body.length > LegacyParameters.MAX_BODY_BYTES) {
            throw new MalformedRequestException(413, "Request body is too large");
        }
        return body;
    }
}
