package org.anteroom.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.anteroom.directory.Device;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.ProfileView;
import org.anteroom.directory.UserType;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.presence.PresenceFacts.UserFact;
import org.anteroom.presence.RoomFacts.MemberFact;
import org.anteroom.rooms.Member;
import org.junit.jupiter.api.Test;

/** The presence member's wire names and shape, without a server. */
class MemberCodecTest {

    private static final Instant CREATED = Instant.ofEpochMilli(1745972655891L);
    private static final Instant MODIFIED = Instant.ofEpochMilli(1745972655999L);

    @Test
    void everyWireNameOfTheSpecIsAccepted() {
        String[] devices = {
            "WebUI", "iPad", "EmbeddedNode", "DMM-v1", "Boroscope-v1", "OpticalMicrometer-v1", "GenericCamera-v1"
        };
        for (String device : devices) {
            assertEquals(
                    device,
                    MemberCodec.device(MemberCodec.change(null, null, null, device, null, null)
                            .device()));
        }
        assertEquals(devices.length, Device.values().length);
        for (String type : new String[] {"RemoteExpert", "OnSiteUser", "EmbeddedNode", "Tool"}) {
            assertEquals(
                    type,
                    MemberCodec.type(MemberCodec.change(null, null, null, null, type, null)
                            .type()));
        }
        for (String method : new String[] {"google", "apple", "cac", "email"}) {
            assertEquals(
                    method,
                    MemberCodec.method(MemberCodec.change(null, null, null, null, null, method)
                            .method()));
        }
    }

    @Test
    void everyProblemIsReportedTogether() {
        InvalidInputException invalid = assertThrows(
                InvalidInputException.class, () -> MemberCodec.change(null, "nobody", " ", "webui", "Admin", "CAC"));
        assertEquals(5, invalid.problems().size(), invalid.problems().toString());
        assertEquals(
                "device must be one of WebUI, iPad, EmbeddedNode, DMM-v1, Boroscope-v1, OpticalMicrometer-v1,"
                        + " GenericCamera-v1",
                invalid.problems().get(2));
        assertEquals(
                "type must be one of RemoteExpert, OnSiteUser, EmbeddedNode, Tool",
                invalid.problems().get(3));
        assertEquals(
                "method must be one of google, apple, cac, email",
                invalid.problems().get(4));
    }

    @Test
    void aMemberCarriesTheWireNamesAndEpochMilliseconds() {
        Member member = new Member(
                "id-1", "u-1", "Test User", Device.WEB_UI, null, CREATED, MODIFIED, LoginMethod.GOOGLE, null);
        assertEquals(
                new MemberFact("u-1", "Test User", "WebUI", null, 1745972655891L, 1745972655999L, "google", null),
                MemberCodec.of(member));
    }

    @Test
    void aUserRecordIsTheMemberWithPermissions() {
        ProfileView user = new ProfileView(
                "id-1",
                "u-1",
                "Tool",
                Device.EMBEDDED_NODE,
                UserType.TOOL,
                null,
                "r-1",
                CREATED,
                MODIFIED,
                List.of("room_kick"));
        assertEquals(
                new UserFact(
                        "u-1",
                        "Tool",
                        "EmbeddedNode",
                        "Tool",
                        1745972655891L,
                        1745972655999L,
                        null,
                        "r-1",
                        List.of("room_kick")),
                MemberCodec.of(user));
    }
}
