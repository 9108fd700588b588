package org.anteroom.directory;

/**
 * Whether a value of a user attribute is free.
 *
 * @param available true when no user holds the value
 * @param takenBy   the holder's id, only for a caller allowed to read that user; otherwise null
 */
public record Availability(boolean available, String takenBy) {}
