package org.anteroom.chat;

import org.anteroom.platform.UnknownEntityException;

/** The chat does not exist (or is gone). */
public class UnknownChatException extends UnknownEntityException {

    private static final long serialVersionUID = 1L;

    public UnknownChatException() {
        super("Chat");
    }
}
