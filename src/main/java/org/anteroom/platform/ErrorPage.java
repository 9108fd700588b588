package org.anteroom.platform;

/**
 * The JSON of the default error page: {@code {"error": "..."}} with a short text for the status, the
 * same wherever it is written, by the container's error page ({@link ErrorPageServlet}) or by the
 * applications that answer JAX-RS' own statuses themselves ({@link StatusExceptionMapper}).
 */
public final class ErrorPage {

    /** With its charset, as the error page's {@code setContentType} and {@code setCharacterEncoding} give it. */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private ErrorPage() {}

    public static String body(int status) {
        return "{\"error\": \"" + message(status) + "\"}";
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> status < 500 ? "Bad request" : "Internal server error";
        };
    }
}
