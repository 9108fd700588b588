package org.anteroom.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BaseUrlTest {

    private static final URI LOCAL = URI.create("ws://localhost:8080/websocket/chat_bot");

    @Test
    void theConfiguredPublicUrlWinsWithoutItsTrailingSlash() {
        assertEquals(
                "https://chat.example.org/anteroom",
                BaseUrl.of(
                        Optional.of("https://chat.example.org/anteroom/"), true, Map.of("Host", List.of("x")), LOCAL));
    }

    @Test
    void theHostTheBotConnectedToNamesTheServerNotTheSocketsOwnIdeaOfIt() {
        assertEquals("http://10.1.2.3:8080", base(false, Map.of("host", List.of("10.1.2.3:8080")), LOCAL));
        assertEquals(
                "https://bots.example.org",
                base(false, Map.of("Host", List.of("bots.example.org")), URI.create("wss://localhost/websocket")));
        assertEquals("http://[::1]:8080", base(false, Map.of("Host", List.of("[::1]:8080")), LOCAL));
    }

    @Test
    void forwardedHeadersCountOnlyWhenConfigured() {
        Map<String, List<String>> proxied = Map.of(
                "Host", List.of("anteroom-1:8080"),
                "X-Forwarded-Proto", List.of("https"),
                "X-Forwarded-Host", List.of("chat.example.org, inner.proxy"));
        assertEquals("http://anteroom-1:8080", base(false, proxied, LOCAL));
        assertEquals("https://chat.example.org", base(true, proxied, LOCAL));
        assertEquals(
                "http://anteroom-1:8080",
                base(true, Map.of("Host", List.of("anteroom-1:8080"), "X-Forwarded-Proto", List.of("gopher")), LOCAL));
    }

    @Test
    void aHostThatIsNoPlainHostIsNotUsed() {
        assertEquals("http://localhost:8080", base(false, Map.of("Host", List.of("evil.example/x?")), LOCAL));
        assertEquals("http://localhost:8080", base(true, Map.of("X-Forwarded-Host", List.of("a b")), LOCAL));
        assertEquals("", base(false, Map.of(), null));
    }

    private static String base(boolean forwarded, Map<String, List<String>> headers, URI uri) {
        return BaseUrl.of(Optional.empty(), forwarded, headers, uri);
    }
}
