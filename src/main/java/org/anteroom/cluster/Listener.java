package org.anteroom.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.Cache;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.EntityType;

import org.anteroom.access.SigningKeys;
import org.anteroom.directory.UserChanged;
import org.anteroom.platform.ClusterMode;
import org.anteroom.platform.DatabaseDataSource;
import org.anteroom.platform.Elsewhere;
import org.anteroom.platform.Meters;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This node's ear on the cluster: one connection of its own (not the pool's) that {@code LISTEN}s on the
 * installation's channel, and a thread that acts on what the database announces, in commit order
 * (sql/postgresql/V14_1 gives the vocabulary): a changed row is evicted from the shared cache through the standard
 * JPA {@link Cache}; a message of another node is read and its events fired here as {@link Elsewhere}.
 *
 * <p>The connection reconnects on its own (0.5 s doubling to 10 s). Whatever was committed while it was down is
 * never announced again, so every (re)connection is taken as a gap: the shared cache is emptied and
 * {@link Elsewhere.Gap} fired, so the per-node caches are emptied too. A dead connection is found by a probe
 * every few seconds, since waiting for a notification never fails on its own.
 */
@Startup
@Singleton
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Listener {

    private static final Logger LOG = Logger.getLogger(Listener.class.getName());
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
    private static final int WAIT_MILLIS = 500;
    private static final long FIRST_BACKOFF_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /** How long other nodes can still read a message: far longer than any node takes to read one. */
    static final Duration KEEP = Duration.ofMinutes(10);

    static final Meters.Metric LAG = new Meters.Metric(
            "anteroom_cluster_lag_milliseconds",
            "From the first event of the last message relayed here, written on another node, to its relay here, by the two clocks");
    static final Meters.Metric NOTIFICATIONS =
            new Meters.Metric("anteroom_cluster_notifications", "Notifications this node received from the cluster");
    static final Meters.Metric LISTENING = new Meters.Metric(
            "anteroom_cluster_listening", "1 while this node's cluster listener is connected, else 0");

    /** Where the listener stands, for readiness and metrics. */
    public record State(
            boolean listening,
            String node,
            String channel,
            String reason,
            Instant since,
            long received,
            long lagMillis) {}

    @Inject
    ClusterMode cluster;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    @PersistenceUnit
    EntityManagerFactory factory;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Broadcast broadcast;

    @Inject
    Meters meters;

    private volatile boolean running;
    private volatile Thread thread;
    private ScheduledFuture<?> sweeping;
    private volatile Connection connection;
    private volatile State state;
    private final AtomicLong received = new AtomicLong();
    private volatile long lagMillis;
    private Map<String, EntityType<?>> entities;

    @PostConstruct
    void start() {
        if (!cluster.on()) {
            return;
        }
        entities = factory.getMetamodel().getEntities().stream()
                .collect(Collectors.toUnmodifiableMap(EntityType::getName, Function.identity()));
        state = new State(false, cluster.node(), null, "not connected yet", clock.instant(), 0, 0);
        meters.gauge(LAG, () -> lagMillis);
        meters.gauge(NOTIFICATIONS, received::get);
        meters.gauge(LISTENING, () -> state.listening() ? 1 : 0);
        running = true;
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
        thread = threads.newThread(this::listen);
        thread.setName("anteroom-cluster-listener");
        thread.start();
        LOG.info(() -> "Cluster mode: this node is " + cluster.node());
    }

    @PreDestroy
    void stop() {
        running = false;
        if (sweeping != null) {
            sweeping.cancel(false);
        }
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            closeQuietly(connection);
            try {
                listening.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Empty when cluster mode is off. */
    public Optional<State> state() {
        return Optional.ofNullable(state)
                .map(s -> new State(
                        s.listening(), s.node(), s.channel(), s.reason(), s.since(), received.get(), lagMillis));
    }

    /** Other nodes read a message within moments of its commit; after {@link #KEEP} nobody needs it. */
    private void sweep() {
        try {
            broadcast.sweep(clock.instant().minus(KEEP));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Sweeping old cluster messages failed; next time again ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private void listen() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean warned = false;
        while (running) {
            try (Connection listening = DatabaseDataSource.unpooled().getConnection()) {
                connection = listening;
                listening.setAutoCommit(true);
                String channel = subscribe(listening);
                resynchronize();
                state = new State(true, cluster.node(), channel, null, clock.instant(), 0, 0);
                if (warned) {
                    LOG.info(() -> "Cluster listener connected again; caches emptied to resynchronize");
                }
                warned = false;
                backoff = FIRST_BACKOFF_MILLIS;
                receive(listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                String reason = "The cluster listener lost its database connection: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                state = new State(false, cluster.node(), null, reason, clock.instant(), 0, 0);
                if (!warned) {
                    LOG.warning(reason + "; reconnecting");
                    warned = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                connection = null;
            }
        }
    }

    private static String subscribe(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement();
                ResultSet channel = statement.executeQuery("SELECT anteroom_channel()")) {
            channel.next();
            String name = channel.getString(1);
            statement.execute("LISTEN \"" + name.replace("\"", "\"\"") + "\"");
            return name;
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        Instant probed = clock.instant();
        while (running) {
            PGNotification[] arrived = notifications.getNotifications(WAIT_MILLIS);
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    received.incrementAndGet();
                    handle(listening, notification.getParameter());
                }
            }
            if (Duration.between(probed, clock.instant()).compareTo(PROBE_EVERY) >= 0) {
                try (Statement probe = listening.createStatement()) {
                    probe.execute("SELECT 1");
                }
                probed = clock.instant();
            }
        }
    }

    private void handle(Connection listening, String payload) throws SQLException {
        String[] part = payload.split(" ");
        try {
            switch (part[0]) {
                case "r" -> evict(part[1], part[2]);
                case "d" ->
                    List.of("Organization", "Facility", "Role", "Permission").forEach(this::evictAll);
                case "k" -> events.fire(new Elsewhere(new SigningKeys.Changed()));
                case "u" -> {
                    evict("User", part[1]);
                    if (!part[2].equals("-")) {
                        events.fire(new Elsewhere(new UserChanged(part[1], part[2])));
                    }
                }
                case "m" -> {
                    if (!part[2].equals(cluster.node())) {
                        relay(listening, Long.parseLong(part[1]));
                    }
                }
                default -> LOG.warning(() -> "Ignored a cluster notification of unknown kind '" + part[0] + "'");
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            LOG.warning(() -> "Ignored a malformed cluster notification of kind '" + part[0] + "'");
        } catch (RuntimeException e) {
            // One event's relay failing must not stop the node from hearing the next.
            LOG.severe(() -> "A cluster notification of kind '" + part[0] + "' failed: " + e);
        }
    }

    private void relay(Connection listening, long id) throws SQLException {
        String body;
        Instant created;
        try (PreparedStatement read =
                listening.prepareStatement("SELECT body, created FROM cluster_message WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    LOG.warning(() -> "Cluster message " + id + " was swept before this node read it; resynchronizing");
                    resynchronize();
                    return;
                }
                body = row.getString(1);
                created = Instant.ofEpochMilli(row.getLong(2));
            }
        }
        lagMillis = Math.max(0, Duration.between(created, clock.instant()).toMillis());
        for (Object event : EventCodec.decode(body)) {
            events.fire(new Elsewhere(event));
        }
    }

    private void evict(String entity, String id) {
        EntityType<?> type = entities.get(entity);
        if (type == null) {
            LOG.warning(() -> "Ignored a change of an entity this node does not know: " + entity);
            return;
        }
        Class<?> idType = type.getIdType().getJavaType();
        Object key = idType == long.class || idType == Long.class ? (Object) Long.valueOf(id) : id;
        factory.getCache().evict(type.getJavaType(), key);
    }

    private void evictAll(String entity) {
        EntityType<?> type = entities.get(entity);
        if (type != null) {
            factory.getCache().evict(type.getJavaType());
        }
    }

    /** After a gap: nothing derived from the database before it can be trusted. */
    private void resynchronize() {
        factory.getCache().evictAll();
        events.fire(new Elsewhere.Gap());
    }

    private static void closeQuietly(Connection open) {
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // Stopping anyway.
            }
        }
    }
}
