package org.anteroom.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The pool's use as the application sees it: physical connections its own pool ({@link Database}) holds open, in
 * use or idle. Busy and idle apart, and waits for a connection, only the server's pool monitoring can tell
 * (docs/admin.md, "Health and metrics").
 */
@ApplicationScoped
public class ConnectionCensus {

    static final Meters.Metric OPEN = new Meters.Metric(
            "anteroom_db_connections_open", "Physical database connections the application's pool holds open");

    @Inject
    Meters meters;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        meters.gauge(OPEN, DatabaseDataSource::open);
    }
}
