package org.anteroom.directory;

/**
 * A user who is in a room was changed (any column: a profile, a status, a credential, a move): what
 * the room's people see of the user may be different now. Fired by {@link UserChanges} when the
 * change is written, inside the writing transaction, so an observer hands its work to
 * {@code platform.AfterCommit}. Who entered or left a room is told by the room events as well.
 */
public record UserChanged(String userId, String roomId) {}
