package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A code mailed to an address that someone entered without proving it; only its SHA-256 is kept. */
@Entity
@Cacheable(false)
@Table(name = "email_proof")
public class EmailProof {

    @Id
    private String digest;

    @Column(name = "user_id")
    private String userId;

    /** The address mailed: a code proves only that one, not whatever the user holds later. */
    @Column(name = "email_key")
    private String emailKey;

    private Instant created;

    private Instant expires;

    protected EmailProof() {}

    EmailProof(String digest, String userId, String emailKey, Instant created, Instant expires) {
        this.digest = digest;
        this.userId = userId;
        this.emailKey = emailKey;
        this.created = created;
        this.expires = expires;
    }

    String userId() {
        return userId;
    }

    String emailKey() {
        return emailKey;
    }

    boolean liveAt(Instant now) {
        return now.isBefore(expires);
    }
}
