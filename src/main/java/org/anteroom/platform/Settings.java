package org.anteroom.platform;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Anteroom's public configuration keys (DESIGN.md, "Configuration"). Every key can be given as a
 * system property, an environment variable ({@code anteroom.db.url} as {@code ANTEROOM_DB_URL}) or,
 * on a full Payara Server, with {@code asadmin set-config-property}.
 *
 * <p>A plain holder rather than a CDI bean because the data source reads it before CDI exists.
 */
public final class Settings {

    public static final String DB_URL = "anteroom.db.url";
    public static final String DB_USER = "anteroom.db.user";
    public static final String DB_PASSWORD = "anteroom.db.password";
    public static final String DEMO = "anteroom.demo";
    public static final String PEPPER = "anteroom.secret.pepper";
    public static final String TEMPORAL_TOKEN_SECONDS = "anteroom.legacy.temporal-token-seconds";
    public static final String TOKEN_HOURS = "anteroom.legacy.token-hours";
    public static final String ACCOUNT_FAILURES_PER_HOUR = "anteroom.throttle.account-failures-per-hour";
    public static final String ADDRESS_FAILURES_PER_HOUR = "anteroom.throttle.address-failures-per-hour";
    public static final String CLOCK_CONTROL = "anteroom.test.clock-control";
    public static final String JWT_ISSUER = "anteroom.jwt.issuer";
    public static final String TRUSTED_JWKS = "anteroom.auth.trusted-jwks";
    public static final String TRUSTED_ISSUERS = "anteroom.auth.trusted-issuers";
    public static final String AUTH_AUDIENCE = "anteroom.auth.audience";
    public static final String SESSION_SECURE_COOKIE = "anteroom.session.secure-cookie";
    public static final String ROOM_CREATOR_DOMAINS = "anteroom.presence.room-creator-domains";
    public static final String ROOM_CREATOR_METHODS = "anteroom.presence.room-creator-methods";
    public static final String RECONNECT_GRACE_SECONDS = "anteroom.presence.reconnect-grace-seconds";
    public static final String HUB_MAX_SOCKETS_PER_USER = "anteroom.hub.max-sockets-per-user";
    public static final String HUB_PING_SECONDS = "anteroom.hub.ping-seconds";
    public static final String MAIL_SMTP_HOST = "anteroom.mail.smtp.host";
    public static final String MAIL_SMTP_PORT = "anteroom.mail.smtp.port";
    public static final String MAIL_SMTP_USER = "anteroom.mail.smtp.user";
    public static final String MAIL_SMTP_PASSWORD = "anteroom.mail.smtp.password";
    public static final String MAIL_SMTP_STARTTLS = "anteroom.mail.smtp.starttls";
    public static final String MAIL_FROM = "anteroom.mail.from";
    public static final String MAIL_OUTBOX = "anteroom.mail.outbox";
    public static final String PUBLIC_URL = "anteroom.public-url";
    public static final String ASSETS_AUDIENCE = "anteroom.assets.audience";
    public static final String BRIDGE_DOMAIN = "anteroom.bridge.domain";
    public static final String BRIDGE_TOKEN_SECONDS = "anteroom.bridge.token-seconds";
    public static final String BRIDGE_ACK_TIMEOUT_SECONDS = "anteroom.bridge.ack-timeout-seconds";
    public static final String BRIDGE_MAX_SOCKETS_PER_USER = "anteroom.bridge.max-sockets-per-user";
    public static final String BRIDGE_AUTH_TIMEOUT_SECONDS = "anteroom.bridge.auth-timeout-seconds";
    public static final String BRIDGE_UNREAD_DELAY_MILLIS = "anteroom.bridge.unread-delay-millis";
    public static final String BRIDGE_FILE_MAX_BYTES = "anteroom.bridge.files.max-bytes";
    public static final String BRIDGE_FILE_EXTENSIONS_MODE = "anteroom.bridge.files.extensions-mode";
    public static final String BRIDGE_FILE_EXTENSIONS = "anteroom.bridge.files.extensions";

    /** H2 file database under ./data; WRITE_DELAY=0 commits to disk before a transaction returns. */
    public static final String EMBEDDED_DB_URL = "jdbc:h2:file:./data/anteroom;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";

    private Settings() {
    }

    private static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }

    public static Optional<String> text(String key) {
        return config().getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    public static long number(String key, long fallback) {
        return config().getOptionalValue(key, Long.class).orElse(fallback);
    }

    public static boolean flag(String key, boolean fallback) {
        return config().getOptionalValue(key, Boolean.class).orElse(fallback);
    }

    /** A comma-separated list, trimmed, without empty entries. */
    public static java.util.List<String> list(String key, String fallback) {
        return java.util.Arrays.stream(text(key, fallback).split(","))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** The {@code iss} of every JWT we sign, and what our own login tokens must carry. */
    public static String issuer() {
        return text(JWT_ISSUER, "anteroom");
    }

    public static String databaseUrl() {
        return text(DB_URL, EMBEDDED_DB_URL);
    }

    public static boolean embeddedDatabase() {
        return databaseUrl().startsWith("jdbc:h2:");
    }

    /** The demo data set is loaded by default only on the embedded H2 database. */
    public static boolean demo() {
        return flag(DEMO, embeddedDatabase());
    }
}
