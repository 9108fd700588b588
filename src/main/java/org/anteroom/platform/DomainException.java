package org.anteroom.platform;

import jakarta.ejb.ApplicationException;

/**
 * Base of the typed errors the domain throws for a caller's mistake. Each wire surface maps them to
 * its own error shape in one place; a facade never builds an error response. Rolling back keeps a
 * failed request from leaving anything half-written.
 */
@ApplicationException(rollback = true)
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
