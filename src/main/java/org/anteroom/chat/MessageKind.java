package org.anteroom.chat;

/**
 * What a message is. The chat domain's own names: each surface has its own code for them (the
 * bridge its numbers, presence its labels), and the database stores these names.
 */
public enum MessageKind {
    /** Text written in the chat. */
    TEXT,
    /** An uploaded file, with an optional caption. */
    FILE,
    /** A copy of another message; its origin says what the original was. */
    FORWARD
}
