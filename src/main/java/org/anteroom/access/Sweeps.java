package org.anteroom.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.anteroom.platform.ClusterMode;
import org.anteroom.platform.Failures;

/**
 * The clock of access: every second the sessions whose time ran out end (their sockets close, their
 * users leave), every five minutes the used hub tokens that expired are forgotten. A singleton that
 * depends on the database, so that no sweep runs before the schema is migrated; each sweep starts a
 * fixed delay after the previous one ended, so none overlaps the next. Every node sweeps; each end is
 * announced by the node whose delete removed the row.
 */
@Startup
@Singleton
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class.getName());

    @Inject
    PresenceSessions sessions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> running = new ArrayList<>();

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
        running.add(scheduler.scheduleWithFixedDelay(
                () -> sweep("expired sessions", sessions::endExpired), 1, 1, TimeUnit.SECONDS));
        running.add(scheduler.scheduleWithFixedDelay(
                () -> sweep("used hub tokens", sockets::purgeTickets), 5, 5, TimeUnit.MINUTES));
    }

    @PreDestroy
    void stop() {
        running.forEach(task -> task.cancel(false));
    }

    /**
     * One sweep; a failure (the database away for a moment) is logged and the next sweep runs as planned. Managed
     * tasks rather than EJB timers: a full Payara Server fired a timer of an application once more after undeploying
     * it, and logged the refusal with its stack.
     */
    private static void sweep(String what, Runnable sweep) {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Sweeping " + what + " failed; the next sweep tries again ("
                    + Failures.unwrap(e).getClass().getSimpleName() + ")");
        }
    }
}
