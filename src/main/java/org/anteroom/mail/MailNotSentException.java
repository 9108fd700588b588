package org.anteroom.mail;

import org.anteroom.platform.UnavailableException;

/**
 * A message could not be handed to the mail server: the server's failure, not the caller's
 * ({@code UNAVAILABLE}). A domain failure so that the transaction that wanted to send it rolls
 * back: nothing remains that refers to a mail nobody received.
 */
public class MailNotSentException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public MailNotSentException() {
        super("The email could not be sent; try again later");
    }
}
