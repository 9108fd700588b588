package org.anteroom.presence;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;

import org.anteroom.access.PresenceSessions;
import org.anteroom.platform.Settings;

/**
 * The {@code sess…} cookie as it goes over the wire. Written by hand rather than with
 * {@code NewCookie} so the attributes are exactly these: {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Path=/}, {@code Max-Age=7200}, and {@code Secure} over HTTPS or when configured.
 */
@ApplicationScoped
public class SessionCookie {

    private static final String SESSION_SECURE_COOKIE = "anteroom.session.secure-cookie";

    @Inject
    PresenceSessions sessions;

    private String name;
    private boolean alwaysSecure;

    @PostConstruct
    void init() {
        name = sessions.cookieName();
        alwaysSecure = Settings.flag(SESSION_SECURE_COOKIE, false);
    }

    public String name() {
        return name;
    }

    public String value(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }

    public String issue(String value, boolean https) {
        return name + "=" + value + "; Path=/; Max-Age=" + PresenceSessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (https || alwaysSecure ? "; Secure" : "");
    }

    public String expire(boolean https) {
        return name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (https || alwaysSecure ? "; Secure" : "");
    }
}
