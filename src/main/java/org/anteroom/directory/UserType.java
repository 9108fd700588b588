package org.anteroom.directory;

import java.util.Arrays;
import java.util.Optional;

/** What kind of participant a presence user is. A Tool may read other users' records. */
public enum UserType {
    REMOTE_EXPERT("RemoteExpert"),
    ON_SITE_USER("OnSiteUser"),
    EMBEDDED_NODE("EmbeddedNode"),
    TOOL("Tool");

    private final String label;

    UserType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<UserType> of(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(UserType::label).toList());
    }
}
