package org.anteroom.access;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Meters;

/** The live presence sessions (not expired, not ended), counted in the database when scraped: the cluster's truth. */
@ApplicationScoped
public class Census {

    static final Meters.Metric SESSIONS =
            new Meters.Metric("anteroom_presence_sessions", "Presence sessions that are open (not expired)");

    @PersistenceContext
    EntityManager em;

    @Inject
    Meters meters;

    @Inject
    Clock clock;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        meters.gauge(SESSIONS, this::sessions);
        // The throttle is a singleton made at the first login: its counter is exported (as zero) from the start.
        meters.counter(LoginThrottle.THROTTLED);
    }

    long sessions() {
        return em.createQuery("select count(s) from PresenceSession s where s.expires > :now", Long.class)
                .setParameter("now", clock.instant())
                .getSingleResult();
    }
}
