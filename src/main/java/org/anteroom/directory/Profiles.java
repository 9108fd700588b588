package org.anteroom.directory;

import java.time.Clock;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.anteroom.platform.NotPermittedException;

/**
 * What presence users say about themselves: name, device, type and a login-method label. A user
 * edits only its own record; the method written here is a label and never grants anything (grants
 * come from the session, see {@link PresenceGrants}).
 */
@Stateless
public class Profiles {

    @Inject
    Users users;

    @Inject
    PresenceGrants grants;

    @Inject
    Clock clock;

    /** @param authenticated how the caller's session was opened, for the permissions the record shows */
    public ProfileView update(String userId, ProfileChange change, LoginMethod authenticated) {
        User user = users.locked(userId);
        if (change.uuid() != null && !change.uuid().equals(user.uuid().orElse(null))) {
            throw new NotPermittedException("A user may only edit its own record (uuid)");
        }
        if (change.uid() != null && !User.emailKey(change.uid()).equals(User.emailKey(user.email()))) {
            throw new NotPermittedException("A user may only edit its own record (uid)");
        }
        if (change.name() != null && !change.name().equals(user.displayName())) {
            user.changeDisplayName(change.name(), clock.instant());
        }
        if (change.device() != null || change.type() != null || change.method() != null) {
            user.describe(
                    change.device() != null ? change.device() : user.device().orElse(null),
                    change.type() != null ? change.type() : user.type().orElse(null),
                    change.method() != null ? change.method() : user.method().orElse(null),
                    clock.instant());
        }
        return ProfileView.of(user, grants.permissions(user, authenticated));
    }
}
