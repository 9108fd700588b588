package org.anteroom.bridge;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;

import org.anteroom.platform.Settings;

/**
 * The authenticated bot sockets of this server, by user, and the watch on acknowledgements: a
 * connection that leaves an event unacknowledged longer than {@code anteroom.bridge.ack-timeout-seconds}
 * (300) is considered dead and closed.
 */
@ApplicationScoped
class BotConnections {

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Set<BotConnection>> byUser = new ConcurrentHashMap<>();
    private long ackTimeoutMillis;
    private ScheduledFuture<?> watch;

    @PostConstruct
    void start() {
        ackTimeoutMillis = TimeUnit.SECONDS.toMillis(Settings.number(Settings.BRIDGE_ACK_TIMEOUT_SECONDS, 300));
        long every = Math.max(250, Math.min(5000, ackTimeoutMillis / 4));
        watch = scheduler.scheduleWithFixedDelay(this::closeSilent, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (watch != null) {
            watch.cancel(false);
        }
    }

    void add(BotConnection connection) {
        byUser.computeIfAbsent(connection.userId(), u -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(BotConnection connection) {
        if (connection.userId() != null) {
            byUser.computeIfPresent(connection.userId(), (user, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Sends an event to every connection of the user; the payload may depend on the connection (its base URL). */
    void push(String userId, String method, Function<BotConnection, String> payload, long messageId) {
        Set<BotConnection> own = byUser.get(userId);
        if (own != null) {
            long now = clock.millis();
            own.forEach(connection -> connection.push(method, payload.apply(connection), messageId, now));
        }
    }

    void push(String userId, String method, String payload, long messageId) {
        push(userId, method, connection -> payload, messageId);
    }

    private void closeSilent() {
        long before = clock.millis() - ackTimeoutMillis;
        byUser.values().forEach(set -> set.forEach(connection -> {
            if (connection.waitingSince(before)) {
                connection.close(CloseCodes.GOING_AWAY, "No acknowledgement for " + ackTimeoutMillis / 1000 + " s");
            }
        }));
    }
}
