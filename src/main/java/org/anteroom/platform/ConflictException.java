package org.anteroom.platform;

/** The request is well formed but does not fit the current state (say, a room token for someone in no room). */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(Kind.CONFLICT, message);
    }
}
