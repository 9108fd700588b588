package org.anteroom.chat;

/** The kinds of chat; {@code code} is the number the bridge protocol uses. */
public enum ChatType {
    P2P(1), GROUP(2), FAVORITES(5), CHANNEL(6);

    private final int code;

    ChatType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
