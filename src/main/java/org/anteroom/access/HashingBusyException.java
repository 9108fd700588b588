package org.anteroom.access;

import org.anteroom.platform.UnavailableException;

/**
 * Every permit to hash a password is taken and the queue behind them is full, or the wait for one ran
 * out: a burst of logins, registrations or password changes. Not the caller's mistake and nothing was
 * checked yet, so no failed login is counted; each surface answers its "try again" (legacy 503, the
 * token endpoint 503 {@code temporarily_unavailable}; presence and the bot socket hash no passwords).
 */
public class HashingBusyException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public HashingBusyException() {
        super("Too many password checks at once; try again in a moment");
    }
}
