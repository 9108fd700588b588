package org.anteroom.platform;

/** The caller presented no credential, or one that is unknown, expired or revoked, or a login was refused. */
public class NotAuthenticatedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String message) {
        super(Kind.UNAUTHENTICATED, message);
    }
}
