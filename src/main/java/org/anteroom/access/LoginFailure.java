package org.anteroom.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One failed login or guess, counted by every node in cluster mode ({@link SharedFailures}). */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    private String id;

    @Column(name = "failure_key")
    private String key;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected LoginFailure() {}

    LoginFailure(String key, Instant failedAt) {
        this.id = UUID.randomUUID().toString();
        this.key = key;
        this.failedAt = failedAt;
    }
}
