package org.anteroom.admin;

import java.lang.reflect.Method;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.anteroom.access.Caller;
import org.anteroom.access.SecurityTokens;
import org.anteroom.platform.NotAuthenticatedException;

/**
 * Authenticates every admin operation not marked {@link Public} by {@code Authorization: Bearer
 * <token>}, a legacy security token from {@code validateAccount}, resolved exactly as the legacy
 * surface resolves it ({@link SecurityTokens#authenticate}): logout, expiry and suspension (which
 * revokes the user's tokens) end admin access with the same request. A temporal token names nobody
 * and is refused. What the caller may do is the domain's decision, by its role's permissions.
 */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AdminCallFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    AdminCall call;

    @Inject
    SecurityTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Method operation = resourceInfo.getResourceMethod();
        if (operation == null || !ours(operation) || isPublic(operation)) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            throw new NotAuthenticatedException("An Authorization: Bearer <token> header is required");
        }
        Caller caller =
                tokens.authenticate(authorization.substring(BEARER.length()).trim());
        if (caller.temporal()) {
            throw new NotAuthenticatedException("A temporal token cannot be used here; log in first");
        }
        call.authenticate(caller.userId());
    }

    /** Jersey answers {@code OPTIONS} with a method of its own: no code of ours runs, nothing to protect. */
    private static boolean ours(Method operation) {
        return operation.getDeclaringClass().getPackageName().equals(AdminCallFilter.class.getPackageName());
    }

    private static boolean isPublic(Method operation) {
        return operation.isAnnotationPresent(Public.class)
                || operation.getDeclaringClass().isAnnotationPresent(Public.class);
    }
}
