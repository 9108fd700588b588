package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one-time code mailed to the first administrator; only its SHA-256 is kept. */
@Entity
@Cacheable(false)
@Table(name = "setup_code")
public class SetupCode {

    @Id
    private String digest;

    @Column(name = "user_id")
    private String userId;

    private Instant created;

    private Instant expires;

    protected SetupCode() {}

    SetupCode(String digest, String userId, Instant created, Instant expires) {
        this.digest = digest;
        this.userId = userId;
        this.created = created;
        this.expires = expires;
    }

    String digest() {
        return digest;
    }

    String userId() {
        return userId;
    }

    Instant expires() {
        return expires;
    }

    /** No longer works; the row stays, marking its account as the one the bootstrap set up. */
    void expire() {
        expires = created;
    }

    boolean liveAt(Instant now) {
        return now.isBefore(expires);
    }
}
