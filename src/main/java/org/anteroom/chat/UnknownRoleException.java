package org.anteroom.chat;

import org.anteroom.platform.InvalidInputException;

/** A participant role that does not exist or cannot be given. */
public class UnknownRoleException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public UnknownRoleException(String message) {
        super(message);
    }
}
