package org.anteroom.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

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

    /**
     * One node serves a database today (a cluster mode is a later step, and it must give each node's
     * sockets an owner it can sweep). So at this node's start no hub socket is open anywhere: the
     * counts left by a stop or a crash are cleared, and the sessions' reconnect grace starts now,
     * instead of keeping their users in rooms as ghosts until the sessions expire.
     */
    @PostConstruct
    void start() {
        sockets.restarted();
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
