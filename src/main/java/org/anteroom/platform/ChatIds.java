package org.anteroom.platform;

import java.util.Locale;

/**
 * The chat-bot world's user ids, {@code login@domain}, where the domain is this server's
 * ({@code anteroom.bridge.domain}). The bridge speaks them; presence accepts them where it names a
 * bot. A resource after a slash ({@code bot@domain/connection}) is ignored, the domain may be left
 * out, and an id of another domain names no user of ours. In {@code platform} because two adapters
 * share it and no adapter may import another (docs/decisions/0013-architecture-rules.md).
 */
public final class ChatIds {

    public static final String DEFAULT_DOMAIN = "anteroom.local";

    private static final String DOMAIN_KEY = "anteroom.bridge.domain";

    private ChatIds() {}

    public static String domain() {
        return Settings.text(DOMAIN_KEY, DEFAULT_DOMAIN);
    }

    /** The chat login an id names. */
    public static String login(String userId) {
        return login(userId, domain());
    }

    public static String login(String userId, String domain) {
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
