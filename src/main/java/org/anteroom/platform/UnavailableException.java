package org.anteroom.platform;

/**
 * A service the domain needs (the mail server) could not do its part. Not the caller's mistake: it
 * may try again later. A domain failure all the same, so that the transaction that needed the
 * service rolls back.
 */
public class UnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(Kind.UNAVAILABLE, message);
    }
}
