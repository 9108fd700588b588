package org.anteroom.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * A participant's role in a chat, by the bridge protocol's names. Owners and admins manage a group or
 * channel; in a channel only they and writers post.
 */
public enum ChatRole {
    OWNER, ADMIN, USER, CONF_OWNER, CONF_MODERATOR, FAVORITES_OWNER, WRITER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChatRole> of(String label) {
        for (ChatRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    boolean manages() {
        return this == OWNER || this == ADMIN;
    }

    boolean writesToChannels() {
        return this == OWNER || this == ADMIN || this == WRITER;
    }
}
