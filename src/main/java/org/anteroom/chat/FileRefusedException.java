package org.anteroom.chat;

import org.anteroom.platform.InvalidInputException;

/** An upload refused by the file limits (size, extension) or not matching its announcement. */
public class FileRefusedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public FileRefusedException(String message) {
        super(message);
    }
}
