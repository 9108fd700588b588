package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Secrets;

/**
 * The throttle's failures in the database, for cluster mode: a failure through any node counts on every node.
 * A failure is written in a transaction of its own, since the login that failed rolls back. Rows stay bounded per
 * key because the throttle checks before it records: a key over its limit is refused without a new row. A key
 * longer than the column (a long login name) is stored as its digest.
 */
@Stateless
public class SharedFailures {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_KEY = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean exceeded(String key, long limit) {
        long count = em.createQuery(
                        "SELECT COUNT(f) FROM LoginFailure f WHERE f.key = :key AND f.failedAt > :since", Long.class)
                .setParameter("key", stored(key))
                .setParameter("since", clock.instant().minus(WINDOW))
                .getSingleResult();
        return count >= limit;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String key) {
        em.persist(new LoginFailure(stored(key), clock.instant()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep() {
        em.createQuery("DELETE FROM LoginFailure f WHERE f.failedAt <= :before")
                .setParameter("before", clock.instant().minus(WINDOW))
                .executeUpdate();
    }

    private static String stored(String key) {
        return key.length() <= MAX_KEY ? key : "sha256:" + Secrets.sha256(key);
    }
}
