package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One EC P-384 key pair that signs our JWTs, as a JWK; a retired key is no longer published. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    private String kid;

    @Column(name = "private_jwk")
    private String privateJwk;

    private Instant created;

    private Instant retired;

    protected SigningKey() {}

    SigningKey(String kid, String privateJwk, Instant created) {
        this.kid = kid;
        this.privateJwk = privateJwk;
        this.created = created;
    }

    String privateJwk() {
        return privateJwk;
    }

    boolean retired() {
        return retired != null;
    }
}
