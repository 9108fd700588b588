package org.anteroom.bridge;

import java.util.Locale;

import org.anteroom.chat.Author;
import org.anteroom.platform.Settings;
import org.anteroom.platform.UnknownEntityException;

/**
 * TrueConf-style user ids: {@code login@domain}, where the login is the user's chat login and the
 * domain this server's ({@code anteroom.bridge.domain}). A client may add a resource after a slash
 * ({@code bot@domain/connection}) or leave out the domain; another domain is an unknown user.
 */
final class BotIds {

    static final String DEFAULT_DOMAIN = "anteroom.local";

    private BotIds() {
    }

    static String domain() {
        return Settings.text(Settings.BRIDGE_DOMAIN, DEFAULT_DOMAIN);
    }

    static String of(Author author) {
        return author.system() ? domain() : author.login() + "@" + domain();
    }

    /** The chat login a user id names. */
    static String login(String userId) {
        return login(userId, domain());
    }

    static String login(String userId, String domain) {
        String id = userId == null ? "" : userId.strip();
        int slash = id.indexOf('/');
        if (slash >= 0) {
            id = id.substring(0, slash);
        }
        int at = id.lastIndexOf('@');
        if (at >= 0) {
            if (!id.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))) {
                throw new UnknownEntityException("user");
            }
            id = id.substring(0, at);
        }
        if (id.isEmpty()) {
            throw new UnknownEntityException("user");
        }
        return id;
    }
}
