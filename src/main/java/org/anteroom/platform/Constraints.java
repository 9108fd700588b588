package org.anteroom.platform;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

/**
 * Writing now, inside the request, so that a race the database settles surfaces as a clean message
 * instead of a failed commit: a unique constraint hit by a concurrent insert, a version bumped by a
 * concurrent update, a lock that could not be had in time. The SQL states are the same on H2 and
 * PostgreSQL; the violated constraint is found by its name in the database's message, the only place
 * either database gives it.
 */
public final class Constraints {

    /**
     * SQL states: unique violation (H2 and PostgreSQL), lock timeout (H2), deadlock/serialization, lock not available.
     */
    private static final String UNIQUE_VIOLATION = "23505";

    /** A row still referenced by another (H2 and PostgreSQL). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private static final Set<String> CONTENTION = Set.of("HYT00", "40001", "40P01", "55P03");

    /** A unique constraint (or index) by name, and the validation message a violation of it gives. */
    public record Unique(String constraint, String message) {}

    private Constraints() {}

    /**
     * Flushes the entity manager. A lost race becomes a {@link ConcurrentChangeException} with
     * {@code changedConcurrently}. A unique violation becomes an {@link InvalidInputException} with the
     * message of the first of {@code uniques} the database names, else with {@code otherUnique}; with
     * {@code otherUnique} null a unique violation is not expected of this write and stays as it is.
     */
    public static void flush(EntityManager em, String changedConcurrently, String otherUnique, Unique... uniques) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException(changedConcurrently);
        } catch (PersistenceException e) {
            SQLException sql = sqlCause(e);
            String state = sql == null ? null : sql.getSQLState();
            if (UNIQUE_VIOLATION.equals(state) && otherUnique != null) {
                throw new InvalidInputException(uniqueMessage(sql.getMessage(), otherUnique, uniques));
            }
            if (state != null && CONTENTION.contains(state)) {
                throw new ConcurrentChangeException(changedConcurrently);
            }
            throw e;
        }
    }

    /**
     * Flushes the entity manager for a write whose clashes are conflicts with the current state, not
     * bad input (the admin API's 409s). A unique violation becomes a {@link ConflictException} with the
     * message of the first of {@code uniques} the database names, else with {@code otherUnique}; a
     * row still referenced elsewhere (a foreign key) a {@link ConflictException} with {@code inUse};
     * a lost race a {@link ConcurrentChangeException} with {@code changedConcurrently}. A null
     * message leaves that failure as it is: it is not expected of this write.
     */
    public static void flushConflicts(
            EntityManager em, String changedConcurrently, String otherUnique, String inUse, Unique... uniques) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException(changedConcurrently);
        } catch (PersistenceException e) {
            SQLException sql = sqlCause(e);
            String state = sql == null ? null : sql.getSQLState();
            if (UNIQUE_VIOLATION.equals(state) && otherUnique != null) {
                throw new ConflictException(uniqueMessage(sql.getMessage(), otherUnique, uniques));
            }
            if (FOREIGN_KEY_VIOLATION.equals(state) && inUse != null) {
                throw new ConflictException(inUse);
            }
            if (state != null && CONTENTION.contains(state)) {
                throw new ConcurrentChangeException(changedConcurrently);
            }
            throw e;
        }
    }

    /**
     * A statement that lost a race for a row lock (a deadlock broken by the database, a lock timeout) as a
     * {@link ConcurrentChangeException} with that message, so the caller gets its surface's "try again"; any other
     * failure as it is.
     */
    public static RuntimeException lostRace(PersistenceException failure, String changedConcurrently) {
        SQLException sql = sqlCause(failure);
        String state = sql == null ? null : sql.getSQLState();
        return state != null && CONTENTION.contains(state)
                ? new ConcurrentChangeException(changedConcurrently)
                : failure;
    }

    private static String uniqueMessage(String error, String otherUnique, Unique... uniques) {
        String text = error == null ? "" : error.toLowerCase(Locale.ROOT);
        for (Unique unique : uniques) {
            if (text.contains(unique.constraint().toLowerCase(Locale.ROOT))) {
                return unique.message();
            }
        }
        return otherUnique;
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
