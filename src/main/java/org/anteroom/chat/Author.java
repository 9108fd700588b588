package org.anteroom.chat;

import org.anteroom.directory.User;

/**
 * A user as chats name it: {@code login} is what a bot knows it by ({@link User#chatLogin()}), {@code uuid}
 * what presence knows it by (null for a user that never used presence). The system (room-driven
 * changes) has no user.
 */
public record Author(String userId, String login, String uuid, String name) {

    public static final Author SYSTEM = new Author(null, null, null, "System");

    public static Author of(User user) {
        return new Author(user.id(), user.chatLogin(), user.uuid().orElse(null), user.chatName());
    }

    public boolean system() {
        return userId == null;
    }
}
