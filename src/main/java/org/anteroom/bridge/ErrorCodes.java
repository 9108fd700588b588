package org.anteroom.bridge;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.anteroom.access.AccountDisabledException;
import org.anteroom.access.TokenExpiredException;
import org.anteroom.access.TokenRevokedException;
import org.anteroom.chat.AlreadyParticipantException;
import org.anteroom.chat.FileRefusedException;
import org.anteroom.chat.NotParticipantException;
import org.anteroom.chat.UnknownChatException;
import org.anteroom.chat.UnknownFileException;
import org.anteroom.chat.UnknownMessageException;
import org.anteroom.chat.UnknownRoleException;
import org.anteroom.platform.DomainException;
import org.anteroom.platform.Failures;

/**
 * The one place where failures become the protocol's {@code errorCode}s (docs/bridge.md lists them;
 * the names are chatbot-protocol.md's). A domain failure gets its kind's code, or a more precise one
 * where the protocol has a word for its subtype (304 for an unknown chat). Anything unexpected is
 * logged here and answered with 300 (internal error) that reveals nothing. The file servlet's HTTP
 * statuses follow from the codes ({@link #status}).
 */
final class ErrorCodes {

    /** "Route not found": the protocol's word for an unknown user id, and any other unknown thing. */
    static final int ROUTE_NOT_FOUND = 104;

    static final int NOT_AUTHORIZED = 200;
    static final int INVALID_CREDENTIALS = 201;
    static final int USER_DISABLED = 202;
    static final int CREDENTIALS_EXPIRED = 203;
    static final int UNSUPPORTED_CREDENTIALS = 204;
    static final int INTERNAL_ERROR = 300;
    static final int ACCESS_DENIED = 302;
    static final int NOT_ENOUGH_RIGHTS = 303;
    static final int CHAT_NOT_FOUND = 304;
    static final int NOT_A_PARTICIPANT = 305;
    static final int MESSAGE_NOT_FOUND = 306;
    /** "Unknown message": an unknown method, a malformed frame or an invalid value. */
    static final int UNKNOWN_MESSAGE = 307;

    static final int FILE_NOT_FOUND = 308;
    static final int ALREADY_PARTICIPANT = 309;
    static final int FILE_UPLOAD_FAILED = 310;
    /* 311, file not ready, never occurs: a file has an id only once its bytes have arrived. */
    static final int ROLE_NOT_FOUND = 312;

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class.getName());

    private ErrorCodes() {}

    record Failure(int code, String description) {}

    static Failure of(Throwable thrown) {
        Throwable failure = Failures.unwrap(thrown);
        if (failure instanceof FrameException frame) {
            return new Failure(frame.code(), frame.getMessage());
        }
        if (failure instanceof UnknownRoleException role && role.refused().isPresent()) {
            return new Failure(
                    ROLE_NOT_FOUND, "The role " + ChatCodes.role(role.refused().get()) + " cannot be given");
        }
        if (failure instanceof DomainException domain) {
            return new Failure(code(domain), domain.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a bridge request", failure);
        return new Failure(INTERNAL_ERROR, "Internal server error");
    }

    /**
     * A refused {@code auth}: expired (203, get a new token), an account no longer ACTIVE (202), a
     * revoked token (201, get a new one with the current password); any other token problem, a
     * malformed field included, is 201 and reveals nothing more. What is no token problem at all
     * is answered as in any other request.
     */
    static Failure auth(Throwable thrown) {
        Throwable failure = Failures.unwrap(thrown);
        if (failure instanceof TokenExpiredException) {
            return new Failure(CREDENTIALS_EXPIRED, "The token has expired");
        }
        if (failure instanceof AccountDisabledException) {
            return new Failure(USER_DISABLED, "The user is disabled");
        }
        if (failure instanceof TokenRevokedException) {
            return new Failure(INVALID_CREDENTIALS, "The token was revoked; get a new one");
        }
        if (failure instanceof FrameException
                || failure instanceof DomainException domain && domain.kind() == DomainException.Kind.UNAUTHENTICATED) {
            return new Failure(INVALID_CREDENTIALS, "Invalid token");
        }
        return of(failure);
    }

    /** The HTTP status of a file upload or download that failed with this code. */
    static int status(Failure failure) {
        return switch (failure.code()) {
            case FILE_NOT_FOUND -> 404;
            case FILE_UPLOAD_FAILED -> 400;
            case INTERNAL_ERROR -> 500;
            default -> 409;
        };
    }

    /** Every kind of domain failure's code; subtypes refine it where the protocol has a closer code. */
    static int code(DomainException failure) {
        return switch (failure.kind()) {
            case NOT_FOUND -> notFound(failure);
            case INVALID -> invalid(failure);
            case UNAUTHENTICATED -> unauthenticated(failure);
            case FORBIDDEN -> failure instanceof NotParticipantException ? NOT_A_PARTICIPANT : NOT_ENOUGH_RIGHTS;
            case CONFLICT -> failure instanceof AlreadyParticipantException ? ALREADY_PARTICIPANT : ACCESS_DENIED;
            case THROTTLED -> ACCESS_DENIED;
            case UNAVAILABLE -> INTERNAL_ERROR;
        };
    }

    private static int notFound(DomainException failure) {
        if (failure instanceof UnknownChatException) {
            return CHAT_NOT_FOUND;
        }
        if (failure instanceof UnknownMessageException) {
            return MESSAGE_NOT_FOUND;
        }
        if (failure instanceof UnknownFileException) {
            return FILE_NOT_FOUND;
        }
        return ROUTE_NOT_FOUND;
    }

    private static int invalid(DomainException failure) {
        if (failure instanceof FileRefusedException) {
            return FILE_UPLOAD_FAILED;
        }
        if (failure instanceof UnknownRoleException) {
            return ROLE_NOT_FOUND;
        }
        return UNKNOWN_MESSAGE;
    }

    private static int unauthenticated(DomainException failure) {
        if (failure instanceof TokenExpiredException) {
            return CREDENTIALS_EXPIRED;
        }
        if (failure instanceof AccountDisabledException) {
            return USER_DISABLED;
        }
        return INVALID_CREDENTIALS;
    }
}
