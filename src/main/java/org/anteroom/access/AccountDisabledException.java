package org.anteroom.access;

import org.anteroom.platform.NotAuthenticatedException;

/** A credential of ours presented for an account that is no longer ACTIVE (suspended, deactivated, pending). */
public class AccountDisabledException extends NotAuthenticatedException {

    private static final long serialVersionUID = 1L;

    public AccountDisabledException(String message) {
        super(message);
    }
}
