package org.anteroom.presence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.anteroom.directory.Device;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.PresenceGrants;
import org.anteroom.directory.User;
import org.anteroom.directory.UserType;
import org.anteroom.presence.PresenceFacts.UserFact;

/** Turns users into their presence record, with the permissions the configured rule grants. */
@ApplicationScoped
public class UserFacts {

    @Inject
    PresenceGrants grants;

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
