package org.anteroom.bridge;

/** An OAuth 2.0 token error (RFC 6749, section 5.2): 400 with {@code error} and {@code error_description}. */
final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    OAuthException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    String error() {
        return error;
    }
}
