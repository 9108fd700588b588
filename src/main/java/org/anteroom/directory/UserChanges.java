package org.anteroom.directory;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostUpdate;

/**
 * Watches every write of a user, whichever facade made it (directory, access, rooms, an admin API),
 * so that what is derived from a user elsewhere cannot miss a change: the presence rooms list caches
 * its members per room (decision 0025). Looked up through {@link CDI}, as the JPA provider, not CDI,
 * makes entity listeners.
 */
public class UserChanges {

    @PostUpdate
    void updated(User user) {
        user.roomId()
                .ifPresent(room -> CDI.current()
                        .getBeanManager()
                        .getEvent()
                        .select(UserChanged.class)
                        .fire(new UserChanged(user.id(), room)));
    }
}
