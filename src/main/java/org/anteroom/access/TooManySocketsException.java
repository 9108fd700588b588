package org.anteroom.access;

import org.anteroom.platform.TooManyAttemptsException;

/** The user already holds as many open sockets of this kind as allowed. */
public class TooManySocketsException extends TooManyAttemptsException {

    private static final long serialVersionUID = 1L;

    public TooManySocketsException(String message) {
        super(message);
    }
}
