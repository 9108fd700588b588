package org.anteroom.platform;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads Anteroom's configuration (DESIGN.md, "Configuration"; docs/admin.md). Every key can be given
 * as a system property, an environment variable ({@code anteroom.db.url} as {@code ANTEROOM_DB_URL})
 * or, on a full Payara Server, with {@code asadmin set-config-property}. Only the platform's own keys
 * and the public URL, which every surface uses, are declared here; every other key is declared in the
 * package that reads it, so the platform knows nothing of the packages above it.
 *
 * <p>A plain holder rather than a CDI bean because the data source reads it before CDI exists.
 */
public final class Settings {

    public static final String DB_URL = "anteroom.db.url";
    public static final String DB_USER = "anteroom.db.user";
    public static final String DB_PASSWORD = "anteroom.db.password";
    public static final String DEMO = "anteroom.demo";
    public static final String PUBLIC_URL = "anteroom.public-url";
    /**
     * Where the embedded database and the file outbox live unless their own keys say otherwise. Relative to the
     * server's working directory, which on a full Payara Server is the domain's config folder: give it absolute.
     */
    public static final String DATA_DIR = "anteroom.data-dir";

    private Settings() {}

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
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /**
     * The data directory, absolute (resolved against the working directory), so the database and the outbox are
     * found in one place whatever reads them. {@code ~} is not expanded; a {@code ;} would end H2's file name.
     */
    public static Path dataDir() {
        String configured = text(DATA_DIR, "./data");
        if (configured.contains(";")) {
            throw new IllegalStateException(DATA_DIR + " must not contain ';'");
        }
        return Path.of(configured).toAbsolutePath().normalize();
    }

    /** H2 file database in the data directory; WRITE_DELAY=0 commits to disk before a transaction returns. */
    public static String embeddedDatabaseUrl() {
        return "jdbc:h2:file:" + dataDir().resolve("anteroom")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    public static String databaseUrl() {
        return text(DB_URL).orElseGet(Settings::embeddedDatabaseUrl);
    }

    public static boolean embeddedDatabase() {
        return databaseUrl().startsWith("jdbc:h2:");
    }

    /** The demo data set is loaded by default only on the embedded H2 database. */
    public static boolean demo() {
        return flag(DEMO, embeddedDatabase());
    }
}
