package org.anteroom.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.anteroom.platform.ClusterMode;
import org.anteroom.platform.ReadinessCheck;

/**
 * Ready in cluster mode only while the listener hears the other nodes: a node that does not would serve stale
 * caches and miss the events for its sockets, so a load balancer should send it nobody until it hears again.
 */
@ApplicationScoped
public class ClusterCheck implements ReadinessCheck {

    static final String NAME = "cluster";

    @Inject
    ClusterMode cluster;

    @Inject
    Listener listener;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean applies() {
        return cluster.on();
    }

    @Override
    public Result check() {
        return listener.state()
                .map(state -> {
                    if (!state.listening()) {
                        return Result.down(NAME, state.reason());
                    }
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("node", state.node());
                    data.put("channel", state.channel());
                    data.put("listeningSince", state.since().toString());
                    data.put("notificationsReceived", Long.toString(state.received()));
                    data.put("lastLagMillis", Long.toString(state.lagMillis()));
                    return Result.up(NAME, data);
                })
                .orElseGet(() -> Result.down(NAME, "The cluster listener has not started"));
    }
}
