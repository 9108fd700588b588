package org.anteroom.chat;

/**
 * The kinds of chat, in the chat domain's own names: the database stores these names, and each
 * surface has its own code for them (the bridge its numbers, in {@code bridge.ChatCodes}).
 */
public enum ChatType {
    P2P,
    GROUP,
    FAVORITES,
    CHANNEL
}
