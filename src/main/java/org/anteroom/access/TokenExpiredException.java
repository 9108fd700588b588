package org.anteroom.access;

import org.anteroom.platform.NotAuthenticatedException;

/** A token of ours that was good once and has expired: the holder must get a new one. */
public class TokenExpiredException extends NotAuthenticatedException {

    private static final long serialVersionUID = 1L;

    public TokenExpiredException(String message) {
        super(message);
    }
}
