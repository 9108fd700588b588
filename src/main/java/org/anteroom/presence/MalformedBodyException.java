package org.anteroom.presence;

/**
 * A request body that is not what the operation reads: not JSON, not an object, a field of the wrong type, too large.
 */
public class MalformedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public MalformedBodyException(String message) {
        this(400, message);
    }

    public MalformedBodyException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
