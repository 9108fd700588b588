package org.anteroom.chat;

import org.anteroom.platform.UnknownEntityException;

/** The file (or upload task, or temporal file) does not exist for the caller. */
public class UnknownFileException extends UnknownEntityException {

    private static final long serialVersionUID = 1L;

    public UnknownFileException() {
        super("File");
    }
}
