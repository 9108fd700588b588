package org.anteroom.chat;

import org.anteroom.platform.UnknownEntityException;

/** The message does not exist, was removed, or is not visible to the caller. */
public class UnknownMessageException extends UnknownEntityException {

    private static final long serialVersionUID = 1L;

    public UnknownMessageException() {
        super("Message");
    }
}
