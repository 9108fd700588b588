package org.anteroom.bridge;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.anteroom.platform.Settings;

/**
 * Where a bot's download URLs point (docs/bridge.md): {@code anteroom.public-url} when set; else, when
 * {@code anteroom.bridge.forwarded-headers} is on (behind a proxy that sets them), the
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} of the socket's handshake; else the scheme and
 * {@code Host} header the bot connected with. Read from the handshake's headers, not from
 * {@code Session.getRequestURI()}, which names {@code localhost} on Payara whatever address the bot
 * used. A host that is not a plain host name or address (with an optional port) is not used.
 */
final class BaseUrl {

    /** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");

    private BaseUrl() {}

    /** For the handshake of one bot socket, with the server's configuration. */
    static String of(Map<String, List<String>> headers, URI requestUri) {
        return of(
                Settings.text(Settings.PUBLIC_URL),
                Boolean.parseBoolean(
                        Settings.text(BridgeSettings.FORWARDED_HEADERS).orElse("false")),
                headers,
                requestUri);
    }

    static String of(
            Optional<String> configured, boolean forwarded, Map<String, List<String>> headers, URI requestUri) {
        if (configured.isPresent()) {
            return configured.get().replaceAll("/+$", "");
        }
        String connected = requestUri != null
                        && ("wss".equalsIgnoreCase(requestUri.getScheme())
                                || "https".equalsIgnoreCase(requestUri.getScheme()))
                ? "https"
                : "http";
        Optional<String> asked = header(headers, "Host")
                .filter(BaseUrl::plainHost)
                .or(() -> Optional.ofNullable(requestUri)
                        .map(URI::getRawAuthority)
                        .filter(BaseUrl::plainHost));
        String scheme = forwarded
                ? header(headers, "X-Forwarded-Proto")
                        .map(proto -> proto.toLowerCase(Locale.ROOT))
                        .filter(proto -> proto.equals("http") || proto.equals("https"))
                        .orElse(connected)
                : connected;
        Optional<String> host = forwarded
                ? header(headers, "X-Forwarded-Host").filter(BaseUrl::plainHost).or(() -> asked)
                : asked;
        return host.map(name -> scheme + "://" + name).orElse("");
    }

    /** The first value of a header, by any case of its name; a proxy's list keeps its first (the client's) entry. */
    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .map(value -> value.split(",", 2)[0].strip())
                .filter(value -> !value.isEmpty());
    }

    private static boolean plainHost(String host) {
        return HOST.matcher(host).matches();
    }
}
