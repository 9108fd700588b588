package org.anteroom.directory;

/**
 * A page of the user list.
 *
 * @param location   null for every organization, otherwise the kind of place in {@code locationId}
 * @param locationId the organization or facility id
 * @param status     null for every status
 * @param offset     users to skip, in id order
 * @param limit      at most this many users
 */
public record UserQuery(Location location, String locationId, UserStatus status, int offset, int limit) {

    /** The largest page the directory reads at once, whatever a surface asks for. */
    public static final int MAX_LIMIT = 1000;

    public enum Location {
        ORGANIZATION,
        FACILITY
    }
}
