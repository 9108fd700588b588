package org.anteroom.chat;

/**
 * A participant's role in a chat, in the chat domain's own names (stored by name; the bridge has its
 * own names for them, in {@code bridge.ChatCodes}). Owners and admins manage a group or channel; in a
 * channel only they and writers post.
 */
public enum ChatRole {
    OWNER,
    ADMIN,
    USER,
    CONF_OWNER,
    CONF_MODERATOR,
    FAVORITES_OWNER,
    WRITER;

    boolean manages() {
        return this == OWNER || this == ADMIN;
    }

    boolean writesToChannels() {
        return this == OWNER || this == ADMIN || this == WRITER;
    }
}
