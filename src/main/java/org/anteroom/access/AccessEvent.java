package org.anteroom.access;

/**
 * What ends access, fired inside the transaction that decided it. {@code rooms.Attendance} takes the
 * user out of rooms inside it; the wire adapters act once it committed, in the order the events were
 * fired ({@code platform.AfterCommit}, decision 0018), and close what each one covers: hub sockets,
 * bot sockets.
 */
public sealed interface AccessEvent {

    /** Suspended or deactivated: every session, token and socket of the user ends. */
    record AccountDisabled(String userId) implements AccessEvent {}

    /** A new password: the bridge tokens issued before it stop working, and the bots using them are closed. */
    record CredentialsChanged(String userId) implements AccessEvent {}

    /** One presence session ended; the hub sockets opened under it close. */
    record SessionEnded(String userId, String sessionId, Ending ending) implements AccessEvent {}

    /** Why a presence session ended. */
    enum Ending {
        /** The user logged out, or logged in again with the session's cookie (the old session is replaced). */
        LOGOUT,
        /** Its two hours ran out. */
        EXPIRED,
        /** The account was suspended or deactivated. */
        REVOKED
    }
}
