package org.anteroom.directory;

import java.time.Instant;
import java.util.List;

/**
 * A user as presence shows it: who the user is in rooms, and the presence permissions it holds in one
 * session ({@link PresenceGrants}). Built inside the transaction that read the user, because the
 * permissions read the role's, a lazy association; absent values are null.
 *
 * @param id          the directory id, by which the domain names users
 * @param uuid        the presence identity, an attribute like any other
 * @param method      the login method the user last logged in with, or wrote: a value, never a grant
 * @param roomId      the room the user is in now, or null
 * @param permissions the permissions of the session the view was asked for, in a fixed order
 */
public record ProfileView(
        String id,
        String uuid,
        String name,
        Device device,
        UserType type,
        LoginMethod method,
        String roomId,
        Instant created,
        Instant modified,
        List<String> permissions) {

    public ProfileView {
        permissions = List.copyOf(permissions);
    }

    /** Call it inside the transaction that loaded the user. */
    static ProfileView of(User user, List<String> permissions) {
        return new ProfileView(
                user.id(),
                user.uuid().orElse(null),
                user.displayName(),
                user.device().orElse(null),
                user.type().orElse(null),
                user.method().orElse(null),
                user.roomId().orElse(null),
                user.created(),
                user.modified(),
                permissions);
    }
}
