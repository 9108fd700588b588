package org.anteroom.platform;

import jakarta.persistence.EntityManager;

/**
 * The start-up steps that must run on one node at a time. Nodes that start together on one database would
 * otherwise each find nothing and each write their own: two peppers (one node's NFC tags and pins unreadable on
 * the other), two signing keys (one node's tokens refused by the other), a duplicate key in the demo data. A step
 * locks its row of {@code startup_lock} (rows made by the migrations, so the lock itself never races an insert)
 * for the rest of its transaction, looks again, and writes only what is still missing; a node that comes second
 * waits there and then finds it written.
 */
public final class StartupLock {

    /** The installation's own state: pepper, signing keys, demo data. */
    public static final String INSTALLATION = "installation";
    /** The first organization and administrator of an empty directory. */
    public static final String FIRST_ADMINISTRATOR = "first-administrator";

    private StartupLock() {}

    /**
     * Takes the row lock until the current transaction ends (the caller's transaction must be active). A missing row
     * would lock nothing and let the nodes race unseen, so it stops the start instead.
     */
    public static void hold(EntityManager em, String step) {
        int rows = em.createNativeQuery("SELECT name FROM startup_lock WHERE name = ?1 FOR UPDATE")
                .setParameter(1, step)
                .getResultList()
                .size();
        if (rows != 1) {
            throw new IllegalStateException("The startup_lock row '" + step + "' is missing: restore it with"
                    + " INSERT INTO startup_lock (name) VALUES ('" + step + "')");
        }
    }
}
