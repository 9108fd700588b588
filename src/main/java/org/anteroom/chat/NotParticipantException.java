package org.anteroom.chat;

import org.anteroom.platform.NotPermittedException;

/** The user is not a participant of the chat. */
public class NotParticipantException extends NotPermittedException {

    private static final long serialVersionUID = 1L;

    public NotParticipantException(String message) {
        super(message);
    }
}
