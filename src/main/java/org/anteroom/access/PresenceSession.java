package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.anteroom.access.SessionView.Adapt;
import org.anteroom.directory.LoginMethod;

/**
 * A presence session, opened by a trusted login token and carried by the {@code sess…} cookie. Only
 * the SHA-256 of the cookie value is stored. The login method is the one the token proved; it, not
 * anything on the user record, decides what the session may do.
 *
 * <p>Never cached, like legacy tokens: a logout must end the session at once on every node.
 */
@Entity
@Cacheable(false)
@Table(name = "presence_session")
public class PresenceSession {

    @Id
    private String digest;

    /** The session's public handle: hub tokens and sockets name it, never the digest of the cookie. */
    private String id;

    @Column(name = "user_id")
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "login_method")
    private LoginMethod method;

    @Column(name = "auth_name")
    private String authName;

    @Column(name = "auth_code")
    private String authCode;

    private String subject;

    @Column(name = "adapt_host")
    private String adaptHost;

    @Column(name = "adapt_handler")
    private String adaptHandler;

    @Column(name = "adapt_url")
    private String adaptUrl;

    private Instant created;

    private Instant expires;

    @Column(name = "last_seen")
    private Instant lastSeen;

    /** Hub sockets open under this session, on any node. */
    @Column(name = "hub_sockets")
    private int hubSockets;

    @Column(name = "hub_used")
    private boolean hubUsed;

    /** When the last hub socket closed, while its reconnect grace is unsettled. */
    @Column(name = "hub_closed_at")
    private Instant hubClosedAt;

    protected PresenceSession() {}

    PresenceSession(String digest, String userId, Identity identity, Adapt adapt, Instant created, Instant expires) {
        this.digest = digest;
        this.id = java.util.UUID.randomUUID().toString();
        this.userId = userId;
        this.method = identity.method();
        this.authName = identity.authName();
        this.authCode = identity.authCode();
        this.subject = identity.subject();
        this.adaptHost = adapt.host();
        this.adaptHandler = adapt.handler();
        this.adaptUrl = adapt.url();
        this.created = created;
        this.expires = expires;
        this.lastSeen = created;
    }

    boolean liveAt(Instant now) {
        return now.isBefore(expires);
    }

    void seen(Instant now) {
        this.lastSeen = now;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    int hubSockets() {
        return hubSockets;
    }

    void hubOpened() {
        hubSockets++;
        hubUsed = true;
        hubClosedAt = null;
    }

    void hubClosed(Instant now) {
        if (hubSockets > 0 && --hubSockets == 0) {
            hubClosedAt = now;
        }
    }

    /** Whether the grace after the last socket closed ran out by the cutoff; settles it once. */
    boolean settleLapse(Instant cutoff) {
        if (hubSockets > 0 || hubClosedAt == null || hubClosedAt.isAfter(cutoff)) {
            return false;
        }
        hubClosedAt = null;
        return true;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public LoginMethod method() {
        return method;
    }

    public Instant expires() {
        return expires;
    }

    public Adapt adapt() {
        return new Adapt(adaptHost, adaptHandler, adaptUrl);
    }
}
