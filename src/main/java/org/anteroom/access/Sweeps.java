package org.anteroom.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.anteroom.platform.ClusterMode;

/**
 * The clock of access: every second the sessions whose time ran out end (their sockets close, their
 * users leave), every five minutes the used hub tokens that expired are forgotten. A singleton that
 * depends on the database, so that no sweep runs before the schema is migrated, and whose lock
 * keeps one sweep from overlapping the next. Every node sweeps; each end is announced by the node
 * whose delete removed the row.
 */
@Startup
@Singleton
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweeps {

    @Inject
    PresenceSessions sessions;

    @Inject
    HubSockets sockets;

    @Inject
    ClusterMode cluster;

    /**
     * A single node starting knows that no hub socket is open anywhere: the counts left by a stop or a crash are
     * cleared, and the sessions' reconnect grace starts now, instead of keeping their users in rooms as ghosts until
     * the sessions expire. In a cluster the other nodes' sockets are open, so nothing is cleared; the counts of a
     * node that crashed stay until their sessions expire (docs/cluster.md, "Limits").
     */
    @PostConstruct
    void start() {
        if (!cluster.on()) {
            sockets.restarted();
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void expiredSessions() {
        sessions.endExpired();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void usedHubTokens() {
        sockets.purgeTickets();
    }
}
