package org.anteroom.access;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.anteroom.platform.Settings;

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
     * On the embedded H2 database there is one node by construction, so at its start no hub socket
     * is open. Several nodes share PostgreSQL, where one node's start says nothing of the others'.
     */
    @PostConstruct
    void start() {
        if (Settings.embeddedDatabase()) {
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
