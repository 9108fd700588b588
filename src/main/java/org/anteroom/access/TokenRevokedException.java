package org.anteroom.access;

import org.anteroom.platform.NotAuthenticatedException;

/** A token of ours issued before its user's tokens were revoked (a new password, a suspension). */
public class TokenRevokedException extends NotAuthenticatedException {

    private static final long serialVersionUID = 1L;

    public TokenRevokedException(String message) {
        super(message);
    }
}
