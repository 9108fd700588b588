package org.anteroom.legacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
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
 * Binds every legacy request's parameters (query string, then form body) and checks the token of
 * every operation not marked {@link Public}: from {@code token}, or {@code Authorization: Bearer} for
 * newer clients. Secure by default, so a forgotten mark closes an operation rather than opening it.
 * The body is read once here and handed back untouched, so nothing downstream notices.
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

        TokenRule rule = TokenRule.of(resourceInfo.getResourceMethod());
        if (rule != TokenRule.NONE) {
            authenticate(request, rule);
        }
    }

    /** What an operation asks of the caller's token. */
    enum TokenRule {
        /** {@link Public}, or no operation of ours (none at all, or Jersey's own {@code OPTIONS} answer). */
        NONE(false, false),
        /** The default: a user's token, with {@code userId} naming that user. */
        USER(false, true),
        /** {@link AcceptsTemporalToken}: a temporal token too; a user's token with {@code userId} naming it. */
        USER_OR_TEMPORAL(true, true),
        /** {@link AcceptsTemporalToken} without {@code userId}: a temporal token too; {@code userId} optional. */
        USER_OR_TEMPORAL_WITHOUT_USER_ID(true, false);

        private final boolean temporal;
        private final boolean userId;

        TokenRule(boolean temporal, boolean userId) {
            this.temporal = temporal;
            this.userId = userId;
        }

        static TokenRule of(Method operation) {
            if (operation == null || !ours(operation) || operation.isAnnotationPresent(Public.class)) {
                return NONE;
            }
            AcceptsTemporalToken temporal = operation.getAnnotation(AcceptsTemporalToken.class);
            if (temporal == null) {
                return USER;
            }
            return temporal.userId() ? USER_OR_TEMPORAL : USER_OR_TEMPORAL_WITHOUT_USER_ID;
        }

        /** Jersey answers {@code OPTIONS} with a method of its own: no code of ours runs, nothing to protect. */
        private static boolean ours(Method operation) {
            return operation.getDeclaringClass().getPackageName().equals(LegacyCallFilter.class.getPackageName());
        }

        boolean temporal() {
            return temporal;
        }

        boolean userId() {
            return userId;
        }
    }

    private void authenticate(ContainerRequestContext request, TokenRule rule) {
        String token = call.text("token");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (token == null && authorization != null && authorization.startsWith(BEARER)) {
            token = authorization.substring(BEARER.length()).trim();
        }
        Caller caller = tokens.authenticate(token);
        String claimed = call.text("temporalSession");
        if (claimed != null && LegacyParameters.bool("temporalSession", claimed, false) != caller.temporal()) {
            throw new NotAuthenticatedException(
                    caller.temporal()
                            ? "The security token is temporal but temporalSession is false"
                            : "The security token is not temporal but temporalSession is true");
        }
        if (caller.temporal()) {
            if (!rule.temporal()) {
                throw new NotPermittedException("This operation cannot be used with a temporal token");
            }
        } else {
            String userId = call.text("userId");
            if (userId == null && rule.userId()) {
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
