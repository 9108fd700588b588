package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one-time code most recently sent to an email address: only a salted, peppered digest of the
 * code is kept. One row per address; it also counts the address's sends in the current window, so a
 * replaced or used code does not reset the send limit.
 */
@Entity
@Cacheable(false)
@Table(name = "otp_challenge")
public class OtpChallenge {

    @Id
    @Column(name = "email_key")
    private String emailKey;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    private String salt;

    @Column(name = "code_digest")
    private String codeDigest;

    private Instant created;

    private Instant expires;

    private int attempts;

    private boolean consumed;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "window_sends")
    private int windowSends;

    protected OtpChallenge() {}

    /** An address that was never sent a code: nothing to redeem, an empty send window. */
    OtpChallenge(String emailKey, String email, Instant now) {
        this.emailKey = emailKey;
        this.email = email;
        this.displayName = "";
        this.salt = "0".repeat(32);
        this.codeDigest = "0".repeat(64);
        this.created = now;
        this.expires = now;
        this.consumed = true;
        this.windowStart = now;
    }

    /** Sends so far in the window that began at most {@code window} ago; an older window starts afresh. */
    int sendsSince(Instant windowOpenedAfter, Instant now) {
        if (!windowStart.isAfter(windowOpenedAfter)) {
            windowStart = now;
            windowSends = 0;
        }
        return windowSends;
    }

    void replace(String email, String displayName, String salt, String codeDigest, Instant now, Instant expires) {
        this.email = email;
        this.displayName = displayName;
        this.salt = salt;
        this.codeDigest = codeDigest;
        this.created = now;
        this.expires = expires;
        this.attempts = 0;
        this.consumed = false;
        this.windowSends++;
    }

    boolean redeemableAt(Instant now, int maxAttempts) {
        return !consumed && now.isBefore(expires) && attempts < maxAttempts;
    }

    void failedAttempt() {
        attempts++;
    }

    void consume() {
        consumed = true;
    }

    String email() {
        return email;
    }

    String salt() {
        return salt;
    }

    String codeDigest() {
        return codeDigest;
    }
}
