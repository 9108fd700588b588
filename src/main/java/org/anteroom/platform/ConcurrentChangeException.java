package org.anteroom.platform;

/**
 * Someone else changed the same thing at the same moment; the caller should reload and retry. A
 * {@link Kind#CONFLICT} that a surface may tell apart from a request that does not fit the state.
 */
public class ConcurrentChangeException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
