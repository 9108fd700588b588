package org.anteroom.bridge;

import org.anteroom.chat.Author;
import org.anteroom.platform.ChatIds;

/**
 * TrueConf-style user ids: {@code login@domain}, where the login is the user's chat login and the
 * domain this server's ({@code anteroom.bridge.domain}); the parsing lives in {@link ChatIds}, since
 * presence names bots the same way.
 */
final class BotIds {

    static final String DEFAULT_DOMAIN = ChatIds.DEFAULT_DOMAIN;

    private BotIds() {}

    static String domain() {
        return ChatIds.domain();
    }

    static String of(Author author) {
        return author.system() ? domain() : of(author.login());
    }

    /** The user id of a chat login. */
    static String of(String login) {
        return login + "@" + domain();
    }

    /** The chat login a user id names. */
    static String login(String userId) {
        return ChatIds.login(userId);
    }

    static String login(String userId, String domain) {
        return ChatIds.login(userId, domain);
    }
}
