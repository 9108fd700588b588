package org.anteroom.legacy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.anteroom.directory.UserStatus;

/**
 * A user's status as the legacy API spells it ({@code "ACTIVE"}, ...), read in any case, and the
 * order {@code userStatuses} lists them in. The wire's words, so they live here, not in the enum's
 * constant names.
 */
final class StatusWords {

    static final List<UserStatus> LISTED =
            List.of(UserStatus.ACTIVE, UserStatus.PENDING, UserStatus.SUSPENDED, UserStatus.INACTIVE);

    private StatusWords() {}

    static String word(UserStatus status) {
        return switch (status) {
            case ACTIVE -> "ACTIVE";
            case PENDING -> "PENDING";
            case SUSPENDED -> "SUSPENDED";
            case INACTIVE -> "INACTIVE";
        };
    }

    /** The status a word names, ignoring case; empty for none. */
    static Optional<UserStatus> status(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return LISTED.stream().filter(status -> word(status).equals(upper)).findFirst();
    }
}
