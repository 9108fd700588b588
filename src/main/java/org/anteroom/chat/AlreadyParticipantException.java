package org.anteroom.chat;

import org.anteroom.platform.ConflictException;

/** The user already is a participant of the chat. */
public class AlreadyParticipantException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public AlreadyParticipantException() {
        super("The user already is a participant of the chat");
    }
}
