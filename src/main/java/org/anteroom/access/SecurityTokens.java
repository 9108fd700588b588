package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.Secrets;
import org.anteroom.platform.Settings;

/**
 * Issues, checks and revokes legacy security tokens. A token identifies one user-device pair;
 * temporal tokens identify nobody and live five minutes. Expiry is decided here, on the server.
 */
@Stateless
public class SecurityTokens {

    /** Writing lastUsed on every request would turn each read into a write; once a minute is enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext self;

    @Inject
    TokenCache cache;

    @Inject
    Event<TokensRevoked> revoked;

    @Inject
    Clock clock;

    public String issueTemporal() {
        Instant now = clock.instant();
        String token = Secrets.newToken();
        em.persist(new SecurityToken(
                Secrets.sha256(token),
                null,
                null,
                true,
                now,
                now.plusSeconds(Settings.number(AccessSettings.TEMPORAL_TOKEN_SECONDS, 300))));
        return token;
    }

    /** Replaces the token this user holds on this device. The caller holds the user's row lock. */
    public String issue(String userId, String deviceId) {
        Instant now = clock.instant();
        int replaced = em.createQuery("delete from SecurityToken t where t.userId = :user and t.deviceId = :device")
                .setParameter("user", userId)
                .setParameter("device", deviceId)
                .executeUpdate();
        if (replaced > 0) {
            revoked.fire(new TokensRevoked());
        }
        String token = Secrets.newToken();
        em.persist(new SecurityToken(
                Secrets.sha256(token),
                userId,
                deviceId,
                false,
                now,
                now.plus(Duration.ofHours(Settings.number(AccessSettings.TOKEN_HOURS, 12)))));
        return token;
    }

    /** The devices of this user that hold a live token. */
    public List<String> activeDevices(String userId) {
        return em.createQuery(
                        "select t.deviceId from SecurityToken t"
                                + " where t.userId = :user and t.expires > :now order by t.created",
                        String.class)
                .setParameter("user", userId)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    /**
     * The caller a token speaks for. The hot path of every legacy request: a hit in the token
     * cache, or one primary-key read outside any transaction; lastUsed is written at most once a
     * minute.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new NotAuthenticatedException("Security token is mandatory");
        }
        if (token.length() > 200) {
            throw new NotAuthenticatedException("Invalid or expired security token");
        }
        String digest = Secrets.sha256(token);
        Instant now = clock.instant();
        Optional<Caller> cached = cache.get(digest, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        long generation = cache.generation();
        SecurityToken found = em.find(SecurityToken.class, digest);
        if (found == null || !found.liveAt(now)) {
            throw new NotAuthenticatedException("Invalid or expired security token");
        }
        if (!found.temporal() && found.lastUsed().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            self.getBusinessObject(SecurityTokens.class).touch(digest, now);
        }
        Caller caller = new Caller(found.userId(), found.deviceId(), found.temporal());
        cache.put(digest, caller, found.expires(), now, generation);
        return caller;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void touch(String digest, Instant now) {
        SecurityToken token = em.find(SecurityToken.class, digest);
        if (token != null) {
            token.used(now);
        }
    }

    /** Ends the session of this token; unknown tokens are already ended. */
    public void revoke(String token) {
        SecurityToken found = em.find(SecurityToken.class, Secrets.sha256(token));
        if (found != null) {
            em.remove(found);
            revoked.fire(new TokensRevoked());
        }
    }

    /** Ends every session of a user, e.g. when the user is suspended. */
    public void revokeAll(String userId) {
        em.createQuery("delete from SecurityToken t where t.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
        revoked.fire(new TokensRevoked());
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void purgeExpired() {
        em.createQuery("delete from SecurityToken t where t.expires <= :now")
                .setParameter("now", clock.instant())
                .executeUpdate();
    }
}
