package org.anteroom.rooms;

import java.time.Instant;

import org.anteroom.directory.Device;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.User;
import org.anteroom.directory.UserType;

/**
 * A snapshot of a user as the people in a room see it, taken inside the transaction so events still
 * describe the user after it commits. Plain values: the wire names are each adapter's; absent values
 * are null.
 *
 * @param userId the directory id, by which the domain (and the events) name the user
 * @param uuid   the presence identity, an attribute like any other
 * @param method the login method the user last logged in with, or wrote: a value, never a grant
 * @param roomId the room the user is in (at the time of the snapshot), or null
 */
public record Member(
        String userId,
        String uuid,
        String name,
        Device device,
        UserType type,
        Instant created,
        Instant modified,
        LoginMethod method,
        String roomId) {

    static Member of(User user) {
        return new Member(
                user.id(),
                user.uuid().orElse(null),
                user.displayName(),
                user.device().orElse(null),
                user.type().orElse(null),
                user.created(),
                user.modified(),
                user.method().orElse(null),
                user.roomId().orElse(null));
    }

    /** A Tools Gateway has no realtime connection of its own to put into the room. */
    public boolean embeddedNode() {
        return type == UserType.EMBEDDED_NODE;
    }
}
