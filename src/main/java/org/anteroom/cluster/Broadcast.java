package org.anteroom.cluster;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.anteroom.access.AccessEvent;
import org.anteroom.access.TokensRevoked;
import org.anteroom.chat.ChatEvent;
import org.anteroom.platform.ClusterMode;
import org.anteroom.platform.SocketFrames;
import org.anteroom.rooms.RoomEvent;

/**
 * Writes the events of a transaction for the other nodes, inside that transaction: one {@link ClusterMessage} row
 * per transaction, its events in the order fired. Observed {@code IN_PROGRESS} like the relays, so a rollback
 * sends nothing and a commit sends everything; the database announces the row once the transaction committed.
 * An event fired with no transaction gets one of its own here. The events are immutable snapshots, so what the
 * other nodes relay is what this transaction decided. Nothing is written unless cluster mode is on.
 */
@Stateless
public class Broadcast {

    /** The transaction's resource under which its message row is kept. */
    private static final Object KEY = Broadcast.class;

    @Inject
    ClusterMode cluster;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry registry;

    /** Before the hub's relay, whose frames of the event follow it: another node moves its sockets first. */
    public void room(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) RoomEvent event) {
        send(event);
    }

    public void chat(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ChatEvent event) {
        send(event);
    }

    /** The hub frames of the transaction, rendered and numbered once, here. */
    public void frames(@Observes SocketFrames frames) {
        send(frames);
    }

    public void access(@Observes AccessEvent event) {
        send(event);
    }

    public void tokens(@Observes TokensRevoked event) {
        send(event);
    }

    /** Forgets the messages written before that: every node read them long ago. */
    public void sweep(Instant before) {
        em.createQuery("DELETE FROM ClusterMessage m WHERE m.created < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    private void send(Object event) {
        if (!cluster.on()) {
            return;
        }
        ClusterMessage message = (ClusterMessage) registry.getResource(KEY);
        if (message == null) {
            message = new ClusterMessage(cluster.node(), clock.instant());
            em.persist(message);
            registry.putResource(KEY, message);
        }
        message.add(EventCodec.encode(event));
    }
}
