package org.anteroom.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.anteroom.access.AccessEvent;
import org.anteroom.access.AccessEvent.AccountDisabled;
import org.anteroom.access.AccessEvent.SessionEnded;

/**
 * Closes the hub sockets that an ended session or a disabled account covered, once the change
 * committed, each with the code that tells the client why.
 */
@ApplicationScoped
class AccessRelay {

    @Inject
    Connections connections;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessEvent event) {
        if (event instanceof SessionEnded e) {
            Closing why = switch (e.ending()) {
                case LOGOUT -> Closing.SESSION_ENDED;
                case EXPIRED -> Closing.SESSION_EXPIRED;
                case REVOKED -> Closing.ACCOUNT_DISABLED;
            };
            connections.of(e.userUuid(), e.sessionId()).forEach(connection -> connection.close(why));
        } else if (event instanceof AccountDisabled e) {
            connections.of(e.userUuid(), null).forEach(connection -> connection.close(Closing.ACCOUNT_DISABLED));
        }
    }
}
