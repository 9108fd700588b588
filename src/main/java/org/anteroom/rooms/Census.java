package org.anteroom.rooms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Meters;

/**
 * The rooms' gauges, counted in the database when scraped, so every node of a cluster reports the same truth:
 * rooms somebody is in, and join requests nobody has answered yet.
 */
@ApplicationScoped
public class Census {

    static final Meters.Metric OCCUPIED = new Meters.Metric("anteroom_rooms_occupied", "Rooms with someone present");
    static final Meters.Metric WAITING =
            new Meters.Metric("anteroom_join_requests_waiting", "Join requests waiting for an answer");

    @PersistenceContext
    EntityManager em;

    @Inject
    Meters meters;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        meters.gauge(OCCUPIED, this::occupied);
        meters.gauge(WAITING, this::waiting);
    }

    long occupied() {
        return em.createQuery("select count(distinct u.roomId) from User u where u.roomId is not null", Long.class)
                .getSingleResult();
    }

    long waiting() {
        return em.createQuery("select count(r) from JoinRequest r", Long.class).getSingleResult();
    }
}
