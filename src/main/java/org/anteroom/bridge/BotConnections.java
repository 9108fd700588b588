package org.anteroom.bridge;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCode;
import jakarta.websocket.CloseReason.CloseCodes;

import org.anteroom.access.AccessEvent;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;
import org.anteroom.platform.Meters;
import org.anteroom.platform.Settings;

/**
 * The authenticated bot sockets of this server, by user, at most
 * {@code anteroom.bridge.max-sockets-per-user} (100) per user; the watch on acknowledgements (a
 * connection that leaves an event unacknowledged longer than {@code anteroom.bridge.ack-timeout-seconds}
 * (300) is considered dead and closed); and revocation: a suspended or deactivated account's sockets
 * close with 4001, those of a user with a new password with 4002. Application codes, so that a bot
 * tells revocation from a restart (1001). docs/bridge.md lists every close code.
 */
@ApplicationScoped
class BotConnections {

    static final CloseCode ACCOUNT_DISABLED = CloseCodes.getCloseCode(4001);
    static final CloseCode CREDENTIALS_CHANGED = CloseCodes.getCloseCode(4002);
    static final CloseCode TOO_MANY_CONNECTIONS = CloseCodes.getCloseCode(4008);
    static final CloseCode NOT_AUTHENTICATED_IN_TIME = CloseCodes.getCloseCode(4010);
    /** How long a revocation is remembered for sockets whose token was checked just before it. */
    private static final long REVOCATION_MEMORY_MILLIS = 60_000;

    /** Why a connection was not registered, as the close it gets. */
    record Refusal(CloseCode code, String reason) {}

    static final Refusal TOO_MANY = new Refusal(TOO_MANY_CONNECTIONS, "too many connections");

    /** A user's sockets were closed at this point of the revocation count. */
    private record Revocation(long epoch, long at, Refusal refusal) {}

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Meters meters;

    static final Meters.Metric METRIC =
            new Meters.Metric("anteroom_bot_connections", "Authenticated chat-bot sockets open on this node");

    private final Map<String, Set<BotConnection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private long ackTimeoutMillis;
    private int maxPerUser;
    private ScheduledFuture<?> watch;

    @PostConstruct
    void start() {
        ackTimeoutMillis = TimeUnit.SECONDS.toMillis(Settings.number(BridgeSettings.ACK_TIMEOUT_SECONDS, 300));
        maxPerUser = (int)
                Math.max(1, Math.min(Integer.MAX_VALUE, Settings.number(BridgeSettings.MAX_SOCKETS_PER_USER, 100)));
        long every = Math.max(250, Math.min(5000, ackTimeoutMillis / 4));
        watch = scheduler.scheduleWithFixedDelay(this::closeSilent, every, every, TimeUnit.MILLISECONDS);
        meters.gauge(METRIC, this::count);
    }

    /** Made at startup, so that the gauge is there before the first bot connects. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        epoch();
    }

    /** The authenticated bot connections of this node. */
    long count() {
        return byUser.values().stream().mapToLong(Set::size).sum();
    }

    @PreDestroy
    void stop() {
        if (watch != null) {
            watch.cancel(false);
        }
    }

    /** The revocation count now; taken before a token is checked, so a revocation racing the check is seen. */
    long epoch() {
        return epoch.get();
    }

    /**
     * Registers an authenticated connection, unless its user has its cap of sockets already or its
     * user's access was revoked after {@code checkedAt} (the token was checked against the old state).
     *
     * @return null when registered, else how to close the connection
     */
    Refusal add(BotConnection connection, long checkedAt) {
        boolean[] full = {false};
        byUser.compute(connection.userId(), (user, set) -> {
            Set<BotConnection> own = set != null ? set : ConcurrentHashMap.newKeySet();
            if (own.size() >= maxPerUser) {
                full[0] = true;
            } else {
                own.add(connection);
            }
            return own.isEmpty() ? null : own;
        });
        if (full[0]) {
            return TOO_MANY;
        }
        Revocation revoked = revocations.get(connection.userId());
        if (revoked != null && revoked.epoch() > checkedAt) {
            remove(connection);
            return revoked.refusal();
        }
        return null;
    }

    int maxPerUser() {
        return maxPerUser;
    }

    /**
     * Closes the sockets of a user whose access ended, as soon as the change is committed, after the
     * bot events of the same transaction fired before it ({@link AfterCommit}).
     */
    void revoke(@Observes AccessEvent event) {
        afterCommit.run(() -> revokeNow(event));
    }

    /** Access ended through another node: the bots connected here are closed, and their resumes refused, here too. */
    void revoke(@Observes Elsewhere committed) {
        if (committed.event() instanceof AccessEvent event) {
            revokeNow(event);
        }
    }

    private void revokeNow(AccessEvent event) {
        if (event instanceof AccessEvent.AccountDisabled disabled) {
            revoke(disabled.userId(), new Refusal(ACCOUNT_DISABLED, "account disabled"));
        } else if (event instanceof AccessEvent.CredentialsChanged changed) {
            revoke(changed.userId(), new Refusal(CREDENTIALS_CHANGED, "credentials changed"));
        }
    }

    private void revoke(String userId, Refusal refusal) {
        revocations.put(userId, new Revocation(epoch.incrementAndGet(), clock.millis(), refusal));
        Set<BotConnection> own = byUser.remove(userId);
        if (own != null) {
            own.forEach(connection -> connection.close(refusal.code(), refusal.reason()));
        }
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
        long now = clock.millis();
        revocations.values().removeIf(revoked -> revoked.at() < now - REVOCATION_MEMORY_MILLIS);
        long before = now - ackTimeoutMillis;
        byUser.values()
                .forEach(set -> set.forEach(connection -> {
                    if (connection.waitingSince(before)) {
                        connection.close(
                                CloseCodes.GOING_AWAY, "No acknowledgement for " + ackTimeoutMillis / 1000 + " s");
                    }
                }));
    }
}
