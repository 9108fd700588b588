package org.anteroom.access;

/**
 * What ends access, fired inside the transaction that decided it. The wire adapters observe these
 * after the commit ({@code TransactionPhase.AFTER_SUCCESS}) and close what each one covers: sessions,
 * hub sockets, bot sockets.
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
