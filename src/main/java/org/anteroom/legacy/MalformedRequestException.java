package org.anteroom.legacy;

/**
 * A request the legacy contract cannot even read: garbled encoding, a value that is not a boolean,
 * an oversized value or body, a missing {@code userId}. Answered with a 4xx status (400 unless
 * given), unlike domain validation, which legacy clients expect as {@code success: false}.
 */
class MalformedRequestException extends RuntimeException {

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
