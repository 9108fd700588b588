package org.anteroom.presence.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The hub URL's {@code resume}: what a client names, and what it may not. */
class ResumeParameterTest {

    private static final String ROOM = "room:0b7e3c1a-5a2f-4a7e-9a63-2f1d0c9b8e41";

    @Test
    void noneIsAFreshStart() {
        assertEquals(Map.of(), PresenceHub.resume(null));
        assertEquals(Map.of(), PresenceHub.resume(List.of("")));
    }

    @Test
    void theUserStreamAndARoomStreamEachWithTheLastNumberSeen() {
        assertEquals(Map.of("user", 7L, ROOM, 0L), PresenceHub.resume(List.of("user:7," + ROOM + ":0")));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : List.of(
                "user",
                "user:",
                "user:-1",
                "user:1.5",
                "user:1,user:2",
                "chat:1",
                "room::1",
                "room:a b:1",
                "user:1,",
                "user:12345678901234567890",
                ROOM + ":1;" + ROOM + ":2")) {
            assertThrows(IllegalArgumentException.class, () -> PresenceHub.resume(List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PresenceHub.resume(List.of("user:1", "user:2")));
        assertThrows(IllegalArgumentException.class, () -> PresenceHub.resume(List.of("user:1," + "x".repeat(400))));
    }
}
