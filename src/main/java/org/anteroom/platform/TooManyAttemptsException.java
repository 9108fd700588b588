package org.anteroom.platform;

/**
 * The caller used up what it may do for now: failed logins or codes sent from this account or
 * address, sockets open at once. It must wait, or release something.
 */
public class TooManyAttemptsException extends DomainException {

    private static final long serialVersionUID = 1L;

    public TooManyAttemptsException(String message) {
        super(Kind.THROTTLED, message);
    }
}
