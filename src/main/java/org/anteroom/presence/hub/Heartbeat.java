package org.anteroom.presence.hub;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.platform.Settings;

/**
 * Pings every hub socket every {@code anteroom.hub.ping-seconds} (25) and closes those that did not
 * answer the previous ping: a client that vanished without closing (a dead network, a suspended
 * laptop) stops holding its session's presence, and its user leaves after the reconnect grace.
 */
@ApplicationScoped
class Heartbeat {

    private static final long DEFAULT_SECONDS = 25;
    private static final String HUB_PING_SECONDS = "anteroom.hub.ping-seconds";

    @Inject
    Connections connections;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> beat;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = Math.max(1, Settings.number(HUB_PING_SECONDS, DEFAULT_SECONDS));
        beat = scheduler.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (beat != null) {
            beat.cancel(false);
        }
    }

    private void beat() {
        connections.all().forEach(connection -> {
            if (!connection.ping()) {
                connection.close(Closing.NO_PONG);
            }
        });
    }
}
