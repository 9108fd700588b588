package org.anteroom.directory;

/**
 * What kind of participant a presence user is. A Tool may read other users' records; a Tools Gateway
 * ({@code EMBEDDED_NODE}) has no realtime connection of its own in a room. Stored by its name; the wire
 * names ({@code RemoteExpert}, ...) are the presence adapter's.
 */
public enum UserType {
    REMOTE_EXPERT,
    ON_SITE_USER,
    EMBEDDED_NODE,
    TOOL
}
