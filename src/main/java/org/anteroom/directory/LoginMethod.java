package org.anteroom.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a presence user authenticated. On a session it is what the login token proved and decides
 * permissions; on a user record it is only a value the client may write. Stored by its name.
 */
public enum LoginMethod {
    GOOGLE,
    APPLE,
    CAC,
    EMAIL;

    /**
     * The method's code in the login tokens' {@code method} claim and in the configuration
     * ({@code anteroom.presence.room-creator-methods}): the name in lower case. Not a wire name: the
     * presence adapter keeps its own table (which today spells the same).
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method of a login token's claim or a configured value. */
    public static Optional<LoginMethod> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
