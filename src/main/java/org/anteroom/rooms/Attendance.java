package org.anteroom.rooms;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.access.AccessEvent.Ending;
import org.anteroom.access.AccessEvent.SessionEnded;
import org.anteroom.access.HubSockets;
import org.anteroom.directory.User;
import org.anteroom.directory.Users;
import org.anteroom.rooms.RoomEvent.Departure;

/**
 * Keeps "in the room" true: a user stays in a room only while one of their live presence sessions
 * keeps them there (an open hub socket, a socket closed less than the reconnect grace ago, or a
 * session that never opened one). When the last reason ends, the user leaves with
 * {@link Departure#OFFLINE} — at once when a session ends, after the grace when a socket closed.
 */
@Stateless
public class Attendance {

    @Resource
    SessionContext self;

    @Inject
    Users users;

    @Inject
    HubSockets sockets;

    @Inject
    Occupancy occupancy;

    /**
     * In the transaction that ended the session. Logout and expiry hold the user's row lock already;
     * a revocation changes the row under its version, and every session of the user ends with it.
     */
    public void sessionEnded(@Observes SessionEnded ended) {
        User user = users.user(ended.userId());
        if (user.roomId().isPresent()
                && (ended.ending() == Ending.REVOKED || !sockets.keepPresent(user.id(), ended.sessionId()))) {
            occupancy.leave(user, Departure.OFFLINE);
        }
    }

    /** The sessions whose last hub socket closed longer ago than the grace, each in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void settleLapses() {
        sockets.lapses()
                .forEach(lapse -> self.getBusinessObject(Attendance.class).lapsed(lapse.userId(), lapse.sessionId()));
    }

    /** One session's grace ran out: its user leaves unless another session keeps them in. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void lapsed(String userId, String sessionId) {
        User user = users.locked(userId);
        if (sockets.settle(sessionId) && user.roomId().isPresent() && !sockets.keepPresent(userId, null)) {
            occupancy.leave(user, Departure.OFFLINE);
        }
    }
}
