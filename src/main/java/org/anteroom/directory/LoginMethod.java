package org.anteroom.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a presence user authenticated. On a session it is what the login token proved and decides
 * permissions; on a user record it is only a label the client may write.
 */
public enum LoginMethod {
    GOOGLE, APPLE, CAC, EMAIL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LoginMethod> of(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(LoginMethod::label).toList());
    }
}
