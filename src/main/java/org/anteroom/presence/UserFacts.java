package org.anteroom.presence;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.anteroom.directory.Device;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.PresenceGrants;
import org.anteroom.directory.User;
import org.anteroom.directory.UserType;
import org.anteroom.platform.Settings;
import org.anteroom.presence.PresenceFacts.UserFact;

/** Turns users into their presence record, with the permissions the configured rule grants. */
@ApplicationScoped
public class UserFacts {

    private PresenceGrants grants;

    @PostConstruct
    void init() {
        Set<LoginMethod> methods = Settings.list(Settings.ROOM_CREATOR_METHODS, "cac").stream()
                .map(label -> LoginMethod.of(label).orElseThrow(() -> new IllegalStateException(
                        Settings.ROOM_CREATOR_METHODS + " names an unknown login method: " + label)))
                .collect(Collectors.toSet());
        grants = new PresenceGrants(Set.copyOf(Settings.list(Settings.ROOM_CREATOR_DOMAINS, "mil")), methods);
    }

    /** @param authenticated the login method of the session that speaks for the user; null for none */
    public UserFact of(User user, LoginMethod authenticated) {
        List<String> permissions = grants.permissions(user, authenticated);
        return new UserFact(user.uuid().orElse(null), user.displayName(),
                user.device().map(Device::label).orElse(null),
                user.type().map(UserType::label).orElse(null),
                user.created().toEpochMilli(), user.modified().toEpochMilli(),
                user.method().map(LoginMethod::label).orElse(null),
                user.roomId().orElse(null), permissions);
    }
}
