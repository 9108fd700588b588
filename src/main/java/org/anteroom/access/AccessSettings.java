package org.anteroom.access;

import org.anteroom.platform.Settings;

/**
 * The configuration keys that {@code access} reads (docs/admin.md); {@link Settings} reads them. Kept
 * here rather than in {@code platform}, which knows nothing of the packages above it.
 */
final class AccessSettings {

    static final String PEPPER = "anteroom.secret.pepper";
    static final String TEMPORAL_TOKEN_SECONDS = "anteroom.legacy.temporal-token-seconds";
    static final String TOKEN_HOURS = "anteroom.legacy.token-hours";
    static final String ACCOUNT_FAILURES_PER_HOUR = "anteroom.throttle.account-failures-per-hour";
    static final String ADDRESS_FAILURES_PER_HOUR = "anteroom.throttle.address-failures-per-hour";
    static final String JWT_ISSUER = "anteroom.jwt.issuer";
    static final String TRUSTED_JWKS = "anteroom.auth.trusted-jwks";
    static final String TRUSTED_ISSUERS = "anteroom.auth.trusted-issuers";
    static final String AUTH_AUDIENCE = "anteroom.auth.audience";
    static final String ASSETS_AUDIENCE = "anteroom.assets.audience";
    static final String BRIDGE_TOKEN_SECONDS = "anteroom.bridge.token-seconds";
    static final String HUB_MAX_SOCKETS_PER_USER = "anteroom.hub.max-sockets-per-user";
    static final String RECONNECT_GRACE_SECONDS = "anteroom.presence.reconnect-grace-seconds";
    static final String ARGON2_MEMORY_KIB = "anteroom.password.argon2.memory-kib";
    static final String ARGON2_ITERATIONS = "anteroom.password.argon2.iterations";
    static final String ARGON2_PARALLELISM = "anteroom.password.argon2.parallelism";
    static final String HASHING_PERMITS = "anteroom.password.hashing.permits";
    static final String HASHING_QUEUE = "anteroom.password.hashing.queue";
    static final String HASHING_MAX_WAIT_MILLIS = "anteroom.password.hashing.max-wait-millis";

    private AccessSettings() {}

    /** The {@code iss} of every JWT we sign, and what our own login tokens must carry. */
    static String issuer() {
        return Settings.text(JWT_ISSUER, "anteroom");
    }
}
