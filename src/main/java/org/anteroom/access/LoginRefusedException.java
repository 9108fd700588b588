package org.anteroom.access;

import org.anteroom.platform.DomainException;

/** A login attempt that did not succeed: bad credentials, or an account that may not log in. */
public class LoginRefusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public LoginRefusedException(String message) {
        super(message);
    }
}
