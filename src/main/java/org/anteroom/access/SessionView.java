package org.anteroom.access;

import java.time.Instant;

import org.anteroom.directory.LoginMethod;

/**
 * A presence session as the adapters see it: plain values copied from the session row, so no caller
 * holds the entity.
 *
 * @param id     the session's public handle (hub tokens and sockets name it), never the cookie's digest
 * @param userId the directory id of the user the session is for
 * @param method how the login token authenticated the user; it decides what the session may do
 */
public record SessionView(String id, String userId, LoginMethod method, Instant expires, Adapt adapt) {

    /**
     * The {@code x-adapt-*} headers a gateway sent with the login; {@code host} is the public host
     * used in links we mail.
     */
    public record Adapt(String host, String handler, String url) {}

    static SessionView of(PresenceSession session) {
        return new SessionView(session.id(), session.userId(), session.method(), session.expires(), session.adapt());
    }
}
