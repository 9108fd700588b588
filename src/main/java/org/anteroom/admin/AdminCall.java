package org.anteroom.admin;

import jakarta.enterprise.context.RequestScoped;

/** One admin request's authenticated caller, once {@link AdminCallFilter} has checked its token. */
@RequestScoped
public class AdminCall {

    private String callerId;

    void authenticate(String callerId) {
        this.callerId = callerId;
    }

    /** The directory id of the user whose token this request carries. */
    public String callerId() {
        return callerId;
    }
}
