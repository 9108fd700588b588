package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.anteroom.access.AccessTokens.HubToken;
import org.anteroom.directory.User;
import org.anteroom.directory.Users;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.Settings;

/**
 * The hub sockets each presence session holds, counted in the database so that every node sees the
 * same numbers: a hub token opens one socket once, under a live session, within the user's cap; and
 * whether a user's sessions still keep the user present (docs/hub-events.md, "Presence").
 *
 * <p>Locks are taken user row first, then session rows, like every other presence change.
 */
@Stateless
public class HubSockets {

    private static final long DEFAULT_CAP = 50;
    private static final long DEFAULT_GRACE_SECONDS = 30;
    private static final int LAPSE_BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    Users users;

    @Inject
    Clock clock;

    /** A socket let in: whose it is and the session it counts for. */
    public record Admission(String userId, String userUuid, String sessionId) {}

    /** A session whose last socket closed longer ago than the grace. */
    public record Lapse(String userId, String sessionId) {}

    /**
     * Lets one socket in with this token: spends the token (even when the socket is then refused),
     * and counts the socket for the token's session. An ended session, a used token or a user at the
     * cap is refused.
     */
    public Admission admit(HubToken token) {
        self.getBusinessObject(HubSockets.class).spend(token.jti(), token.expires());
        // The user's row first, as every presence change takes it; only then the session, so that it is
        // read under its lock (a session read before would keep a count another socket changed since).
        String userId = em.createQuery("select s.userId from PresenceSession s where s.id = :id", String.class)
                .setParameter("id", token.sessionId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotAuthenticatedException("The session of this hub token has ended"));
        User user = users.locked(userId);
        PresenceSession session = byId(token.sessionId(), true)
                .filter(s -> s.liveAt(clock.instant()))
                .orElseThrow(() -> new NotAuthenticatedException("The session of this hub token has ended"));
        if (!user.uuid().orElse("").equals(token.userUuid())) {
            throw new NotAuthenticatedException("The hub token is not this session's");
        }
        Long open = em.createQuery(
                        "select sum(s.hubSockets) from PresenceSession s"
                                + " where s.userId = :user and s.expires > :now",
                        Long.class)
                .setParameter("user", user.id())
                .setParameter("now", clock.instant())
                .getSingleResult();
        if (open != null && open >= Settings.number(AccessSettings.HUB_MAX_SOCKETS_PER_USER, DEFAULT_CAP)) {
            throw new TooManySocketsException("Too many hub connections are open for this user");
        }
        session.hubOpened();
        return new Admission(user.id(), token.userUuid(), session.id());
    }

    /** Marks the token used, in its own transaction so that no refusal after it can give it back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void spend(String jti, Instant expires) {
        if (em.find(HubTicket.class, jti) != null) {
            throw new NotAuthenticatedException("The hub token was used already");
        }
        try {
            em.persist(new HubTicket(jti, expires));
            em.flush();
        } catch (PersistenceException e) {
            // Another socket inserted the same jti a moment ago (the primary key): it won, this one is refused.
            throw new NotAuthenticatedException("The hub token was used already");
        }
    }

    /** One socket of the session closed; when it was the last, the reconnect grace starts now. */
    public void release(String sessionId) {
        byId(sessionId, true).ifPresent(session -> session.hubClosed(clock.instant()));
    }

    /** Whether the session still lives (a socket admitted just before its end must not stay). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean live(String sessionId) {
        return byId(sessionId, false).filter(s -> s.liveAt(clock.instant())).isPresent();
    }

    /**
     * Whether any live session of the user but {@code exceptSessionId} keeps the user present: one
     * with an open socket, one whose last socket closed within the grace, or one that never opened any.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean keepPresent(String userId, String exceptSessionId) {
        Instant now = clock.instant();
        return !em.createQuery(
                        "select s.id from PresenceSession s where s.userId = :user and s.id <> :except"
                                + " and s.expires > :now and (s.hubSockets > 0 or s.hubUsed = false or s.hubClosedAt > :cutoff)",
                        String.class)
                .setParameter("user", userId)
                .setParameter("except", exceptSessionId == null ? "" : exceptSessionId)
                .setParameter("now", now)
                .setParameter("cutoff", now.minus(grace()))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Sessions whose grace ran out and is not settled yet, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Lapse> lapses() {
        return em.createQuery(
                        "select s.userId, s.id from PresenceSession s where s.hubClosedAt <= :cutoff"
                                + " and s.hubSockets = 0 order by s.hubClosedAt",
                        Object[].class)
                .setParameter("cutoff", clock.instant().minus(grace()))
                .setMaxResults(LAPSE_BATCH)
                .getResultStream()
                .map(row -> new Lapse((String) row[0], (String) row[1]))
                .toList();
    }

    /**
     * Settles a lapse once: true when the session's grace ran out and nobody settled it yet (another
     * node's sweep, or a reconnect). The caller holds the user's row lock.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean settle(String sessionId) {
        return byId(sessionId, true)
                .filter(s -> s.settleLapse(clock.instant().minus(grace())))
                .isPresent();
    }

    /**
     * After a restart of the only node, the sockets counted before it are gone: their sessions'
     * grace starts now, so clients that reconnect in time stay in their rooms and the others leave.
     */
    public void restarted() {
        em.createQuery("update PresenceSession s set s.hubSockets = 0, s.hubClosedAt = :now where s.hubSockets > 0")
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    /** Forgets the used tokens that expired: they are refused as expired anyway. */
    public void purgeTickets() {
        em.createQuery("delete from HubTicket t where t.expires <= :now")
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    private static Duration grace() {
        return Duration.ofSeconds(
                Math.max(0, Settings.number(AccessSettings.RECONNECT_GRACE_SECONDS, DEFAULT_GRACE_SECONDS)));
    }

    private Optional<PresenceSession> byId(String sessionId, boolean lock) {
        var query = em.createQuery("select s from PresenceSession s where s.id = :id", PresenceSession.class)
                .setParameter("id", sessionId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }
}
