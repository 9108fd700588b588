package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The throttle's failures in the database, for cluster mode: a failure through any node counts on every node.
 * A failure is written in a transaction of its own, since the login that failed rolls back. No limit trims the
 * rows: the throttle stops recording once a key is over its limit, so a key has at most about that many.
 */
@Stateless
public class SharedFailures {

    static final Duration WINDOW = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean exceeded(String key, long limit) {
        Number count = (Number)
                em.createNativeQuery("SELECT COUNT(*) FROM login_failure WHERE failure_key = ?1 AND failed_at > ?2")
                        .setParameter(1, key)
                        .setParameter(2, clock.millis() - WINDOW.toMillis())
                        .getSingleResult();
        return count.longValue() >= limit;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String key) {
        em.createNativeQuery("INSERT INTO login_failure (failure_key, failed_at) VALUES (?1, ?2)")
                .setParameter(1, key)
                .setParameter(2, clock.millis())
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep() {
        em.createNativeQuery("DELETE FROM login_failure WHERE failed_at <= ?1")
                .setParameter(1, clock.millis() - WINDOW.toMillis())
                .executeUpdate();
    }
}
