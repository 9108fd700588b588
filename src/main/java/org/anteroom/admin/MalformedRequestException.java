package org.anteroom.admin;

/** A request the admin API cannot read: not JSON, not an object, a field of the wrong type, too large. */
public class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    MalformedRequestException(String message) {
        this(400, message);
    }

    MalformedRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
