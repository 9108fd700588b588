package org.anteroom.platform;

import jakarta.ejb.ApplicationException;

/**
 * Base of the typed errors the domain throws when it will not do what was asked: mostly the
 * caller's mistake, or a service the domain needs being unavailable ({@link Kind#UNAVAILABLE}).
 * Every error has one {@link Kind}; each wire surface maps the kind in one place with one
 * exhaustive switch and looks at a subtype only for detail its protocol has a word for. A facade
 * never builds an error response. Rolling back keeps a failed request from leaving anything
 * half-written.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The closed set of ways a request can fail in the domain. Each kind has exactly one base type
     * in this package (the constructor is package-private), so a surface that switched on the kind
     * may rely on that type: NOT_FOUND is an {@link UnknownEntityException}, INVALID an
     * {@link InvalidInputException}.
     */
    public enum Kind {
        /** {@link UnknownEntityException}: it does not exist, or the caller may not know it does. */
        NOT_FOUND,
        /** {@link InvalidInputException}: the input breaks a rule. */
        INVALID,
        /** {@link NotAuthenticatedException}: no, a bad, expired or revoked credential; a refused login. */
        UNAUTHENTICATED,
        /** {@link NotPermittedException}: the caller is known but may not do this. */
        FORBIDDEN,
        /** {@link ConflictException}: does not fit the current state, or raced another change. */
        CONFLICT,
        /** {@link TooManyAttemptsException}: the caller used up what it may do for now. */
        THROTTLED,
        /** {@link UnavailableException}: a service the domain needs failed; not the caller's mistake. */
        UNAVAILABLE
    }

    private final Kind kind;

    DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public final Kind kind() {
        return kind;
    }
}
