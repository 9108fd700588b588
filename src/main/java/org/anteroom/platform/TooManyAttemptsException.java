package org.anteroom.platform;

/** Too many failed attempts from this account or address; the caller must wait. */
public class TooManyAttemptsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TooManyAttemptsException(String message) {
        super(message);
    }
}
