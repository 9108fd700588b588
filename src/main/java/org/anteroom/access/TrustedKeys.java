package org.anteroom.access;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.anteroom.platform.Settings;

/**
 * The public keys of external auth services, from the JWKS named by {@code anteroom.auth.trusted-jwks}:
 * a file (re-read when it changes) or an http(s) URL (re-fetched every five minutes, or sooner when a
 * token names a key we do not know, at most every 30 seconds). A JWKS that cannot be read leaves the
 * last good one in place; with none, only our own keys are trusted.
 */
@ApplicationScoped
public class TrustedKeys {

    private static final Logger LOG = Logger.getLogger(TrustedKeys.class.getName());
    private static final Duration URL_REFRESH = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_KID_REFRESH = Duration.ofSeconds(30);
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    @Inject
    Clock clock;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private volatile JWKSet keys = new JWKSet();
    private volatile Instant loadedAt = Instant.EPOCH;
    private volatile long fileStamp = Long.MIN_VALUE;

    /** The trusted keys that may have signed a token with this {@code kid} (all of them when it has none). */
    public List<JWK> candidates(String kid) {
        String location = Settings.text(AccessSettings.TRUSTED_JWKS).orElse(null);
        if (location == null) {
            return List.of();
        }
        refresh(location, false);
        List<JWK> found = select(kid);
        if (found.isEmpty() && kid != null) {
            refresh(location, true);
            found = select(kid);
        }
        return found;
    }

    private List<JWK> select(String kid) {
        return keys.getKeys().stream()
                .filter(key -> !key.isPrivate())
                .filter(key -> kid == null || kid.equals(key.getKeyID()))
                .toList();
    }

    private synchronized void refresh(String location, boolean unknownKid) {
        Instant now = clock.instant();
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                Duration age = Duration.between(loadedAt, now);
                if (age.compareTo(unknownKid ? UNKNOWN_KID_REFRESH : URL_REFRESH) >= 0) {
                    keys = JWKSet.parse(fetch(location));
                    loadedAt = now;
                }
            } else {
                Path file = Path.of(location);
                long stamp =
                        Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : 0;
                if (stamp != fileStamp) {
                    keys = stamp == 0 ? new JWKSet() : JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
                    fileStamp = stamp;
                    loadedAt = now;
                }
            }
        } catch (IOException | ParseException | RuntimeException e) {
            // Try again at the next refresh interval rather than on every request.
            loadedAt = now;
            LOG.log(Level.WARNING, "Cannot read the trusted JWKS at {0}: {1}", new Object[] {location, e.getMessage()});
        }
    }

    private String fetch(String url) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
                if (bytes.length > MAX_JWKS_BYTES) {
                    throw new IOException("larger than " + MAX_JWKS_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
