package org.anteroom.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must happen only once the current transaction committed, and in the order it was handed
 * in: the realtime relays' sends to hub and bot sockets. They observe their events {@code IN_PROGRESS}
 * (a plain {@code @Observes}, inside the firing transaction) and hand the send here. CDI promises no
 * order among {@code AFTER_SUCCESS} notifications, and Weld gives each its own JTA synchronization,
 * which WildFly's transaction manager runs last-registered-first: events fired in one transaction
 * reached the sockets reversed. Here one interposed synchronization per transaction (registered with
 * the standard {@link TransactionSynchronizationRegistry}, found again by {@code putResource}) runs the
 * transaction's work in firing order on commit, and drops it on rollback. Outside a transaction, or
 * once it committed, work runs at once.
 *
 * <p>The work runs in {@code afterCompletion}, on the thread that committed and with no transaction:
 * it must be cheap (queue frames, hand closes to an executor) and must not need the database. A
 * failure is logged and the rest still runs; the committed transaction is not affected. This is the
 * seam where events go to other nodes after commit, in the same order (issue 15). Decision 0018.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());
    /** The transaction's resource under which its queue is kept: unique to this deployment. */
    private static final Object KEY = AfterCommit.class;

    @Resource
    TransactionSynchronizationRegistry registry;

    /** Runs the work after the current transaction commits, after the work handed in before it; never on rollback. */
    public void run(Runnable work) {
        run(registry, work);
    }

    static void run(TransactionSynchronizationRegistry registry, Runnable work) {
        switch (registry.getTransactionStatus()) {
            case Status.STATUS_NO_TRANSACTION, Status.STATUS_COMMITTED -> safely(work);
            case Status.STATUS_MARKED_ROLLBACK, Status.STATUS_ROLLING_BACK, Status.STATUS_ROLLEDBACK -> {
                // Nothing will commit: nothing to announce.
            }
            default -> queue(registry).add(work);
        }
    }

    private static List<Runnable> queue(TransactionSynchronizationRegistry registry) {
        Queue queue = (Queue) registry.getResource(KEY);
        if (queue == null) {
            queue = new Queue();
            registry.registerInterposedSynchronization(queue);
            registry.putResource(KEY, queue);
        }
        return queue.work;
    }

    /** One transaction's work; a transaction is used by one thread at a time, so a plain list does. */
    private static final class Queue implements Synchronization {
        final List<Runnable> work = new ArrayList<>();

        @Override
        public void beforeCompletion() {}

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                for (int i = 0; i < work.size(); i++) { // by index: a task may hand in more
                    safely(work.get(i));
                }
            }
            work.clear();
        }
    }

    /** Like a transactional observer's failure (CDI catches and logs it): the caller's work is done. */
    private static void safely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Work after a commit failed", e);
        }
    }
}
