package org.anteroom.platform;

/** Someone else changed the same thing at the same moment; the caller should reload and retry. */
public class ConcurrentChangeException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
