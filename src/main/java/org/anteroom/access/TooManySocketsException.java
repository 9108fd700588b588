package org.anteroom.access;

import org.anteroom.platform.DomainException;

/** The user already holds as many open sockets of this kind as allowed. */
public class TooManySocketsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TooManySocketsException(String message) {
        super(message);
    }
}
