package org.anteroom.directory;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.anteroom.platform.Settings;

/**
 * Builds the configured {@link PresenceGrants} once, so the user record that shows permissions and the
 * room operations that need them apply the same rule.
 */
@ApplicationScoped
public class PresencePolicy {

    private static final String ROOM_CREATOR_DOMAINS = "anteroom.presence.room-creator-domains";
    private static final String ROOM_CREATOR_METHODS = "anteroom.presence.room-creator-methods";

    @Produces
    @Singleton
    PresenceGrants grants() {
        Set<LoginMethod> methods = Settings.list(ROOM_CREATOR_METHODS, "cac").stream()
                .map(label -> LoginMethod.ofCode(label)
                        .orElseThrow(() -> new IllegalStateException(
                                ROOM_CREATOR_METHODS + " names an unknown login method: " + label)))
                .collect(Collectors.toSet());
        return new PresenceGrants(Set.copyOf(Settings.list(ROOM_CREATOR_DOMAINS, "mil")), methods);
    }
}
