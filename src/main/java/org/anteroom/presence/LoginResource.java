package org.anteroom.presence;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.anteroom.access.LoginTokens;
import org.anteroom.access.Logins;
import org.anteroom.access.PresenceSessions;
import org.anteroom.access.PresenceSessions.Opened;
import org.anteroom.access.SessionView.Adapt;
import org.anteroom.platform.Meters;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.presence.PresenceFacts.LoginFact;
import org.anteroom.presence.PresenceFacts.SessionFact;

/** {@code GET /login} with a trusted bearer JWT opens a session; {@code GET /logout} ends it. */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    private static final String BEARER = "bearer ";

    @Inject
    LoginTokens loginTokens;

    @Inject
    PresenceSessions sessions;

    @Inject
    SessionCookie cookie;

    @Inject
    Meters meters;

    private Meters.Counter succeeded;
    private Meters.Counter refused;

    @PostConstruct
    void init() {
        succeeded = meters.counter(Logins.METRIC, "surface", "presence", "outcome", "success");
        refused = meters.counter(Logins.METRIC, "surface", "presence", "outcome", "refused");
    }

    @GET
    @Path("login")
    @Public
    public Response login(@Context HttpHeaders headers, @Context UriInfo uri) {
        Response response;
        try {
            response = open(headers, uri);
        } catch (RuntimeException e) {
            refused.increment();
            throw e;
        }
        succeeded.increment();
        return response;
    }

    private Response open(HttpHeaders headers, UriInfo uri) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
        var identity = loginTokens.verify(token);
        Adapt adapt = new Adapt(
                header(headers, "x-adapt-host", 500),
                header(headers, "x-adapt-handler", 500),
                header(headers, "x-adapt-url", 2000));
        Opened opened = sessions.open(identity, adapt, cookie.value(headers.getCookies()));
        return Response.ok(new LoginFact(SessionFact.of(identity, opened.userUuid())))
                .header(HttpHeaders.SET_COOKIE, cookie.issue(opened.cookieValue(), https(headers, uri)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("logout")
    @Public
    public Response logout(@Context HttpHeaders headers, @Context UriInfo uri) {
        if (!sessions.end(cookie.value(headers.getCookies()))) {
            throw new NotAuthenticatedException("Unable to logout of user session");
        }
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.SET_COOKIE, cookie.expire(https(headers, uri)))
                .build();
    }

    private static String header(HttpHeaders headers, String name, int max) {
        String value = headers.getHeaderString(name);
        if (value != null && value.length() > max) {
            throw new MalformedBodyException(name + " is longer than " + max + " characters");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Over HTTPS directly, or behind a proxy that says so; only ever adds the Secure attribute. */
    private static boolean https(HttpHeaders headers, UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }
}
