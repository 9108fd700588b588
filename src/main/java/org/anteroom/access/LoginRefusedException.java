package org.anteroom.access;

import org.anteroom.platform.NotAuthenticatedException;

/**
 * A login attempt that did not succeed: an account that may not log in (its status is the message),
 * or, as {@link WrongCredentialsException}, credentials that do not match.
 */
public class LoginRefusedException extends NotAuthenticatedException {

    private static final long serialVersionUID = 1L;

    public LoginRefusedException(String message) {
        super(message);
    }
}
