package org.anteroom.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.anteroom.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The room name rule of POST /presence/rooms and the invitation link, without a server. */
class RoomRulesTest {

    @Test
    void aNameIsTrimmedAndNeedsTwoCharactersWithoutDashOrUnderscore() {
        assertEquals("Test Room", Rooms.validName("  Test Room "));
        assertEquals("Zürich 2", Rooms.validName("Zürich 2"));
        assertEquals("ab", Rooms.validName("ab"));
        for (String bad :
                new String[] {null, "", " ", "a", " a ", "my-room", "my_room", "tab\there", "x".repeat(201)}) {
            assertThrows(InvalidInputException.class, () -> Rooms.validName(bad), String.valueOf(bad));
        }
        assertEquals(200, Rooms.validName("x".repeat(200)).length());
    }

    @Test
    void theInvitationLinkPointsAtTheRoomsShortnameUnderTheBase() {
        Room room = Room.presence(
                "2fa2a266-7d97-4147-8f17-1e57105c70ea",
                "Test Room",
                "alpacas-love-underwater-basketweaving",
                null,
                Instant.EPOCH);
        assertEquals(
                "https://collab.example.org/rooms/alpacas-love-underwater-basketweaving",
                Invitations.link("https://collab.example.org/", room));
        assertEquals(
                "http://localhost:8080/rooms/alpacas-love-underwater-basketweaving",
                Invitations.link("http://localhost:8080", room));
    }
}
