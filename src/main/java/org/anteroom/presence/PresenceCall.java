package org.anteroom.presence;

import jakarta.enterprise.context.RequestScoped;

import org.anteroom.access.SessionView;

/** The session the current presence request was authenticated with. */
@RequestScoped
public class PresenceCall {

    private SessionView session;

    void authenticate(SessionView session) {
        this.session = session;
    }

    public SessionView session() {
        if (session == null) {
            throw new IllegalStateException("The request was not authenticated");
        }
        return session;
    }

    public String userId() {
        return session().userId();
    }
}
