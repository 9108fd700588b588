package org.anteroom.presence.hub;

import java.util.List;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.anteroom.access.AccessEvent;
import org.anteroom.access.AccessEvent.AccountDisabled;
import org.anteroom.access.AccessEvent.SessionEnded;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;

/**
 * Closes the hub sockets that an ended session or a disabled account covered, once the change
 * committed, in order with the transaction's other messages ({@link AfterCommit}), each with the code
 * that tells the client why. The closes run on a worker thread: on the HTTP thread of the logout or
 * the suspension, closing an upgraded connection broke that thread's own request in the container
 * (Grizzly recycled it mid-response).
 */
@ApplicationScoped
class AccessRelay {

    @Inject
    Connections connections;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AfterCommit afterCommit;

    void relay(@Observes AccessEvent event) {
        afterCommit.run(() -> close(event));
    }

    /** A session ended or an account was disabled through another node: its sockets here close too. */
    void relay(@Observes Elsewhere committed) {
        if (committed.event() instanceof AccessEvent event) {
            close(event);
        }
    }

    private void close(AccessEvent event) {
        if (event instanceof SessionEnded e) {
            Closing why = switch (e.ending()) {
                case LOGOUT -> Closing.SESSION_ENDED;
                case EXPIRED -> Closing.SESSION_EXPIRED;
                case REVOKED -> Closing.ACCOUNT_DISABLED;
            };
            close(connections.of(e.userId(), e.sessionId()), why);
        } else if (event instanceof AccountDisabled e) {
            close(connections.of(e.userId(), null), Closing.ACCOUNT_DISABLED);
        }
    }

    private void close(List<Connection> covered, Closing why) {
        if (!covered.isEmpty()) {
            executor.execute(() -> covered.forEach(connection -> connection.close(why)));
        }
    }
}
