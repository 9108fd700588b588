package org.anteroom.access;

import org.anteroom.directory.User;

/**
 * A chat bot's account as the bridge needs it, read while the account was read: who it is, the chat
 * login bots know it by, and the token generation its bridge tokens are issued under.
 *
 * @param userId          the user's id
 * @param chatLogin       {@link User#chatLogin()}
 * @param tokenGeneration {@link User#tokenGeneration()}
 */
public record BotPrincipal(String userId, String chatLogin, int tokenGeneration) {

    static BotPrincipal of(User user) {
        return new BotPrincipal(user.id(), user.chatLogin(), user.tokenGeneration());
    }
}
