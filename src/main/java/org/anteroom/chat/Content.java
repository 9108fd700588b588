package org.anteroom.chat;

/**
 * What a message says: text with its parse mode ({@code text}, {@code markdown}, {@code html}), and
 * for an attachment the file (the text is then its caption, possibly null).
 */
public record Content(String text, String parseMode, String fileId) {

    public static Content text(String text, String parseMode) {
        return new Content(text, parseMode, null);
    }
}
