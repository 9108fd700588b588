package org.anteroom.bridge;

/**
 * A frame the bridge cannot act on: answered with this error code ({@link ErrorCodes#of}), and the
 * connection is kept.
 */
class FrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    FrameException(int code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
