package org.anteroom.presence;

import jakarta.enterprise.context.RequestScoped;

import org.anteroom.access.PresenceSession;

/** The session the current presence request was authenticated with. */
@RequestScoped
public class PresenceCall {

    private PresenceSession session;

    void authenticate(PresenceSession session) {
        this.session = session;
    }

    public PresenceSession session() {
        if (session == null) {
            throw new IllegalStateException("The request was not authenticated");
        }
        return session;
    }

    public String userId() {
        return session().userId();
    }
}
