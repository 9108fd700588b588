package org.anteroom.platform;

/** The caller is known but may not do this. */
public class NotPermittedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(Kind.FORBIDDEN, message);
    }
}
