package org.anteroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

/**
 * After-commit work against a fake registry that plays one transaction: it runs in the order handed
 * in, only on commit, once per transaction, and at once when there is no transaction.
 */
class AfterCommitTest {

    /** One transaction as the registry shows it; {@link #complete} is the transaction manager finishing it. */
    static final class FakeRegistry implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> interposed = new ArrayList<>();

        void complete(int outcome) {
            interposed.forEach(Synchronization::beforeCompletion);
            status = outcome;
            // Reversed, as WildFly's transaction manager runs synchronizations: the order must not matter.
            for (int i = interposed.size() - 1; i >= 0; i--) {
                interposed.get(i).afterCompletion(outcome);
            }
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            if (status != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("not active");
            }
            interposed.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    private final FakeRegistry registry = new FakeRegistry();
    private final List<String> done = new ArrayList<>();

    private void handIn(String... names) {
        for (String name : names) {
            AfterCommit.run(registry, () -> done.add(name));
        }
    }

    @Test
    void workWaitsForTheCommitAndRunsInTheOrderHandedIn() {
        handIn("approved", "member-joined", "chat-message");
        assertEquals(List.of(), done);
        registry.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of("approved", "member-joined", "chat-message"), done);
    }

    @Test
    void oneSynchronizationServesTheWholeTransaction() {
        handIn("a", "b", "c");
        assertEquals(1, registry.interposed.size());
    }

    @Test
    void nothingRunsOnRollback() {
        handIn("a", "b");
        registry.complete(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of(), done);
    }

    @Test
    void workHandedInAfterTheTransactionWasMarkedForRollbackIsDropped() {
        handIn("a");
        registry.setRollbackOnly();
        handIn("b");
        registry.complete(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of(), done);
    }

    @Test
    void outsideATransactionWorkRunsAtOnce() {
        registry.status = Status.STATUS_NO_TRANSACTION;
        handIn("a", "b");
        assertEquals(List.of("a", "b"), done);
        assertEquals(List.of(), registry.interposed);
    }

    @Test
    void aFailingTaskIsLoggedAndTheOthersStillRun() {
        handIn("a");
        AfterCommit.run(registry, () -> {
            throw new IllegalStateException("socket gone");
        });
        handIn("b");
        registry.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of("a", "b"), done);
    }

    @Test
    void workHandedInOnceCommittedRunsAtOnce() {
        AfterCommit.run(registry, () -> {
            done.add("first");
            handIn("nested");
        });
        registry.complete(Status.STATUS_COMMITTED);
        assertEquals(List.of("first", "nested"), done);
    }
}
