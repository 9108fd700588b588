package org.anteroom.chat;

import org.anteroom.platform.ConflictException;

/** The file's bytes have not arrived yet. */
public class FileNotReadyException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public FileNotReadyException() {
        super("The file has not been uploaded yet");
    }
}
