package org.anteroom.presence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

import org.anteroom.access.PresenceSessions;

/** Every presence operation not marked {@link Public} needs a live session cookie. */
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class SessionFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Inject
    SessionCookie cookie;

    @Inject
    PresenceSessions sessions;

    @Inject
    PresenceCall call;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resourceInfo.getResourceMethod() == null
                || resourceInfo.getResourceMethod().isAnnotationPresent(Public.class)
                || resourceInfo.getResourceClass().isAnnotationPresent(Public.class)) {
            return;
        }
        call.authenticate(sessions.authenticate(cookie.value(request.getCookies())));
    }
}
