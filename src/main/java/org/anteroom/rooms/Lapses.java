package org.anteroom.rooms;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every second, the users whose last hub socket closed longer ago than the reconnect grace leave
 * their rooms ({@link Attendance}). A singleton that depends on the database, so that it never runs
 * before the schema is migrated, and whose lock keeps one sweep from overlapping the next.
 */
@Singleton
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Lapses {

    @Inject
    Attendance attendance;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void sweep() {
        attendance.settleLapses();
    }
}
