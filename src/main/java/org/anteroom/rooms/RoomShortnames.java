package org.anteroom.rooms;

import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Legacy facility rooms are presence rooms too, so each needs a shortname. Rooms that came without
 * one (created before presence, or imported) get theirs at startup.
 */
@Startup
@Singleton
@DependsOn("Database")
public class RoomShortnames {

    private static final Logger LOG = Logger.getLogger(RoomShortnames.class.getName());

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void giveMissingShortnames() {
        List<Room> unnamed = em.createQuery("select r from Room r where r.shortname is null", Room.class)
                .getResultList();
        for (Room room : unnamed) {
            room.giveShortname(free());
        }
        if (!unnamed.isEmpty()) {
            LOG.info(() -> "Gave shortnames to " + unnamed.size() + " rooms");
        }
    }

    /** A shortname nobody holds; with 2^48 of them a second draw is all but never needed. */
    String free() {
        while (true) {
            String candidate = Shortnames.next();
            Long taken = em.createQuery("select count(r) from Room r where r.shortname = :name", Long.class)
                    .setParameter("name", candidate)
                    .getSingleResult();
            if (taken == 0) {
                return candidate;
            }
        }
    }
}
