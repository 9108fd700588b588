package org.anteroom.rooms;

import org.anteroom.directory.Device;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.User;
import org.anteroom.directory.UserType;

/**
 * A snapshot of a user as the people in a room see it, taken inside the transaction so events still
 * describe the user after it commits. Labels are the presence wire names; absent values are null.
 */
public record Member(String uuid, String name, String device, String type, long created, long modified,
        String method, String room) {

    public static Member of(User user) {
        return new Member(user.uuid().orElse(null), user.displayName(),
                user.device().map(Device::label).orElse(null),
                user.type().map(UserType::label).orElse(null),
                user.created().toEpochMilli(), user.modified().toEpochMilli(),
                user.method().map(LoginMethod::label).orElse(null),
                user.roomId().orElse(null));
    }

    /** A Tools Gateway has no realtime connection of its own to put into the room. */
    public boolean embeddedNode() {
        return UserType.EMBEDDED_NODE.label().equals(type);
    }
}
