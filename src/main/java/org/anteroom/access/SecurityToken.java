package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A legacy security token: one per user and device, or a temporal token with no user. Only the
 * SHA-256 of the token is stored.
 *
 * <p>Never cached: a revoked or replaced token must stop working on the next request, on every
 * node, so each check reads the database (one primary-key look-up).
 */
@Entity
@Cacheable(false)
@Table(name = "security_token")
public class SecurityToken {

    @Id
    private String digest;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "device_id")
    private String deviceId;

    private boolean temporal;

    private Instant created;

    private Instant expires;

    @Column(name = "last_used")
    private Instant lastUsed;

    protected SecurityToken() {}

    SecurityToken(String digest, String userId, String deviceId, boolean temporal, Instant created, Instant expires) {
        this.digest = digest;
        this.userId = userId;
        this.deviceId = deviceId;
        this.temporal = temporal;
        this.created = created;
        this.expires = expires;
        this.lastUsed = created;
    }

    String userId() {
        return userId;
    }

    String deviceId() {
        return deviceId;
    }

    boolean temporal() {
        return temporal;
    }

    Instant expires() {
        return expires;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void used(Instant now) {
        this.lastUsed = now;
    }

    boolean liveAt(Instant now) {
        return now.isBefore(expires);
    }
}
