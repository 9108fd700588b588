package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.anteroom.access.SessionView.Adapt;
import org.anteroom.directory.User;
import org.anteroom.directory.UserStatus;
import org.anteroom.directory.Users;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.Secrets;

/**
 * Opens, checks and ends presence sessions. A login with a trusted token finds the user by email
 * (creating it on the first login) and opens a two-hour session; the cookie value is 256 random bits
 * of which only the SHA-256 is kept.
 */
@Stateless
public class PresenceSessions {

    public static final Duration LIFETIME = Duration.ofHours(2);
    private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);
    private static final String INVALID = "No valid presence session; log in again";
    private static final int EXPIRY_BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    SessionCache cache;

    @Inject
    Users users;

    @Inject
    Pepper pepper;

    @Inject
    Clock clock;

    @Inject
    Event<AccessEvent> events;

    /** A session just opened: the cookie value to hand out once, and the presence uuid of its user. */
    public record Opened(String cookieValue, String userUuid, Identity identity) {}

    /** The session cookie's name: {@code sess} and 8 hex characters, stable for the installation. */
    public String cookieName() {
        return "sess" + pepper.digest("session-cookie", "name").substring(0, 8);
    }

    /** Opens a session for the identity a verified login token carries; ends the session it replaces. */
    public Opened open(Identity identity, Adapt adapt, String replacedCookieValue) {
        User user = provision(identity);
        Instant now = clock.instant();
        String value = Secrets.newToken();
        em.persist(new PresenceSession(Secrets.sha256(value), user.id(), identity, adapt, now, now.plus(LIFETIME)));
        // Ended after the new one exists, so the user stays in the room the replaced session kept them in.
        if (replacedCookieValue != null) {
            end(replacedCookieValue);
        }
        return new Opened(value, user.uuid().orElseThrow(), identity);
    }

    /**
     * The session a cookie value stands for. The hot path of every presence request: a hit in the
     * {@link SessionCache}, or one primary-key read outside any transaction; lastSeen is written at most
     * once a minute, and that write reads the session again.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SessionView authenticate(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 200) {
            throw new NotAuthenticatedException(INVALID);
        }
        String digest = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        long generation = cache.generation();
        Optional<SessionCache.Live> cached = cache.get(digest, now);
        if (cached.isPresent()) {
            SessionCache.Live live = cached.get();
            if (!live.lastSeen().plus(LAST_SEEN_RESOLUTION).isBefore(now)) {
                return live.view();
            }
            // Time to record it in use, which reads the session again: it may have ended meanwhile.
            if (!self.getBusinessObject(PresenceSessions.class).touch(digest, now)) {
                cache.remove(digest);
                throw new NotAuthenticatedException(INVALID);
            }
            cache.put(digest, new SessionCache.Live(live.view(), now), now, generation);
            return live.view();
        }
        PresenceSession session = em.find(PresenceSession.class, digest);
        if (session == null || !session.liveAt(now)) {
            throw new NotAuthenticatedException(INVALID);
        }
        Instant seen = session.lastSeen();
        if (seen.plus(LAST_SEEN_RESOLUTION).isBefore(now)) {
            self.getBusinessObject(PresenceSessions.class).touch(digest, now);
            seen = now;
        }
        SessionView view = SessionView.of(session);
        cache.put(digest, new SessionCache.Live(view, seen), now, generation);
        return view;
    }

    /** Records the session in use now; false when it has ended. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean touch(String digest, Instant now) {
        PresenceSession session = em.find(PresenceSession.class, digest);
        if (session == null || !session.liveAt(now)) {
            return false;
        }
        session.seen(now);
        return true;
    }

    /** Ends the session of this cookie value; false when there was no live session to end. */
    public boolean end(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 200) {
            return false;
        }
        String digest = Secrets.sha256(cookieValue);
        Optional<String> userId = em.createQuery(
                        "select s.userId from PresenceSession s where s.digest = :digest", String.class)
                .setParameter("digest", digest)
                .getResultStream()
                .findFirst();
        if (userId.isEmpty()) {
            return false;
        }
        // The user's row first, as every presence change takes it: the user may leave its room now. The
        // session is read under it, as a racing logout or sweep of the same session may have ended it.
        User user = users.locked(userId.get());
        PresenceSession session = em.find(PresenceSession.class, digest);
        if (session == null) {
            return false;
        }
        em.remove(session);
        boolean live = session.liveAt(clock.instant());
        events.fire(new AccessEvent.SessionEnded(
                user.id(), session.id(), live ? AccessEvent.Ending.LOGOUT : AccessEvent.Ending.EXPIRED));
        return live;
    }

    /** Ends every session of the user (suspension, deactivation); each one's hub sockets close. */
    public void endAll(String userId) {
        em.createQuery("select s from PresenceSession s where s.userId = :user", PresenceSession.class)
                .setParameter("user", userId)
                .getResultList()
                .forEach(session -> {
                    em.remove(session);
                    events.fire(new AccessEvent.SessionEnded(userId, session.id(), AccessEvent.Ending.REVOKED));
                });
    }

    /** The user's most recent live session, if any: its login method is what another user's permissions rest on. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<SessionView> latest(String userId) {
        return em
                .createQuery(
                        "select s from PresenceSession s where s.userId = :user and s.expires > :now"
                                + " order by s.created desc",
                        PresenceSession.class)
                .setParameter("user", userId)
                .setParameter("now", clock.instant())
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(SessionView::of);
    }

    /**
     * Ends the sessions whose time ran out, each in its own transaction, so that their hub sockets
     * close and their users leave their rooms within a second ({@link Sweeps}), not at the next request.
     * This method itself never touches the entity manager (as {@code rooms.Attendance.settleLapses}):
     * on Payara Server, a non-transactional entity manager used here was closed by the first nested
     * call's clean-up, and the sweep failed with "closed EntityManager" whenever a session had expired.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void endExpired() {
        PresenceSessions sessions = self.getBusinessObject(PresenceSessions.class);
        sessions.expiredDigests().forEach(sessions::expire);
    }

    /** The cookie digests of sessions whose time ran out, the longest expired first; a batch at most. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> expiredDigests() {
        return em.createQuery(
                        "select s.digest from PresenceSession s where s.expires <= :now order by s.expires",
                        String.class)
                .setParameter("now", clock.instant())
                .setMaxResults(EXPIRY_BATCH)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void expire(String digest) {
        PresenceSession session = em.find(PresenceSession.class, digest);
        if (session == null || session.liveAt(clock.instant())) {
            return;
        }
        User user = users.locked(session.userId());
        // Every node sweeps: only the one whose delete removed the row announces the end.
        int removed = em.createQuery("delete from PresenceSession s where s.digest = :digest")
                .setParameter("digest", digest)
                .executeUpdate();
        if (removed == 1) {
            events.fire(new AccessEvent.SessionEnded(user.id(), session.id(), AccessEvent.Ending.EXPIRED));
        }
    }

    /**
     * The user behind the identity, created on its first login, with its name brought up to date. The
     * login proved the address: a record that holds it without proof is not this person's, so it
     * gives the address up and the person gets a record of their own (docs/permissions.md).
     */
    private User provision(Identity identity) {
        Optional<User> known = users.byEmail(identity.uid()).filter(User::emailProven);
        if (known.isEmpty()) {
            try {
                self.getBusinessObject(PresenceSessions.class).create(identity);
            } catch (ConcurrentChangeException raced) {
                // Another first login of the same person created the user a moment ago: use that one.
            }
            known = users.byEmail(identity.uid()).filter(User::emailProven);
        }
        User user = users.locked(known.orElseThrow(() -> new NotAuthenticatedException(INVALID)));
        if (user.status() == UserStatus.SUSPENDED || user.status() == UserStatus.INACTIVE) {
            throw new NotPermittedException("This account is disabled");
        }
        Instant now = clock.instant();
        if (user.uuid().isEmpty()) {
            user.assignUuid(freeUuid(identity.uuid()));
        }
        if (!identity.name().equals(user.displayName())) {
            user.changeDisplayName(identity.name(), now);
        }
        if (user.method().orElse(null) != identity.method()) {
            user.describe(user.device().orElse(null), user.type().orElse(null), identity.method(), now);
        }
        return user;
    }

    /**
     * Creates the user of a first login in its own transaction, so a lost race leaves this one intact.
     * An unproven claim of the address is released first, in the same transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(Identity identity) {
        Instant now = clock.instant();
        users.byEmail(identity.uid()).ifPresent(holder -> {
            User claim = users.locked(holder);
            if (claim.emailProven()) {
                throw new ConcurrentChangeException("The address was proven by another login at the same time");
            }
            claim.releaseEmail(now);
            em.flush();
        });
        String uuid = freeUuid(identity.uuid());
        User user = new User(uuid, null, now);
        user.assignUuid(uuid);
        user.changeEmail(identity.uid(), now);
        user.proveEmail();
        user.changeDisplayName(identity.name(), now);
        user.describe(null, null, identity.method(), now);
        user.changeStatus(UserStatus.ACTIVE, now);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException e) {
            throw new ConcurrentChangeException("The user was created by another login at the same time");
        }
    }

    /** The uuid a token proposes when nobody holds it yet, else a new one. */
    private String freeUuid(String proposed) {
        if (proposed != null && users.byUuid(proposed).isEmpty() && em.find(User.class, proposed) == null) {
            return proposed;
        }
        return UUID.randomUUID().toString();
    }
}
