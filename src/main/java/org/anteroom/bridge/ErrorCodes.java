package org.anteroom.bridge;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;

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
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The one place where failures become the protocol's {@code errorCode}s (docs/bridge.md lists them).
 * Anything unexpected is logged here and answered with 300 (internal error) that reveals nothing.
 */
final class ErrorCodes {

    static final int NOT_AUTHORIZED = 200;
    static final int INVALID_CREDENTIALS = 201;
    static final int USER_DISABLED = 202;
    static final int CREDENTIALS_EXPIRED = 203;
    static final int UNSUPPORTED_CREDENTIALS = 204;
    static final int INTERNAL_ERROR = 300;
    static final int ACCESS_DENIED = 302;

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class.getName());

    private ErrorCodes() {
    }

    record Failure(int code, String description) {
    }

    static Failure of(Throwable thrown) {
        Throwable failure = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (failure instanceof FrameException frame) {
            return new Failure(frame.code(), frame.getMessage());
        }
        if (failure instanceof DomainException domain) {
            return new Failure(code(domain), domain.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a bridge request", failure);
        return new Failure(INTERNAL_ERROR, "Internal server error");
    }

    /**
     * A refused {@code auth}: expired (203, get a new token), an account no longer ACTIVE (202), a
     * revoked token (201, get a new one with the current password); any other token problem is 201
     * and reveals nothing more.
     */
    static Failure auth(Throwable failure) {
        if (failure instanceof TokenExpiredException) {
            return new Failure(CREDENTIALS_EXPIRED, "The token has expired");
        }
        if (failure instanceof AccountDisabledException) {
            return new Failure(USER_DISABLED, "The user is disabled");
        }
        if (failure instanceof TokenRevokedException) {
            return new Failure(INVALID_CREDENTIALS, "The token was revoked; get a new one");
        }
        return new Failure(INVALID_CREDENTIALS, "Invalid token");
    }

    private static int code(DomainException failure) {
        if (failure instanceof UnknownChatException) {
            return 304;
        }
        if (failure instanceof UnknownMessageException) {
            return 306;
        }
        if (failure instanceof UnknownFileException) {
            return 308;
        }
        if (failure instanceof UnknownEntityException) {
            return 104;
        }
        if (failure instanceof NotParticipantException) {
            return 305;
        }
        if (failure instanceof NotPermittedException) {
            return 303;
        }
        if (failure instanceof AlreadyParticipantException) {
            return 309;
        }
        if (failure instanceof FileRefusedException) {
            return 310;
        }
        if (failure instanceof UnknownRoleException) {
            return 312;
        }
        if (failure instanceof TokenExpiredException) {
            return CREDENTIALS_EXPIRED;
        }
        if (failure instanceof AccountDisabledException) {
            return USER_DISABLED;
        }
        if (failure instanceof NotAuthenticatedException) {
            return INVALID_CREDENTIALS;
        }
        if (failure instanceof InvalidInputException) {
            return Frame.UNKNOWN_MESSAGE;
        }
        return ACCESS_DENIED;
    }
}
