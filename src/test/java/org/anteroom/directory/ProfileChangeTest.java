package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.anteroom.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The presence user fields by their wire names, without a server. */
class ProfileChangeTest {

    @Test
    void everyWireNameOfTheSpecIsAccepted() {
        for (String device : new String[] {"WebUI", "iPad", "EmbeddedNode", "DMM-v1", "Boroscope-v1",
                "OpticalMicrometer-v1", "GenericCamera-v1"}) {
            assertEquals(device, ProfileChange.of(null, null, null, device, null, null).device().label());
        }
        for (String type : new String[] {"RemoteExpert", "OnSiteUser", "EmbeddedNode", "Tool"}) {
            assertEquals(type, ProfileChange.of(null, null, null, null, type, null).type().label());
        }
        for (String method : new String[] {"google", "apple", "cac", "email"}) {
            assertEquals(method, ProfileChange.of(null, null, null, null, null, method).method().label());
        }
    }

    @Test
    void absentFieldsStayAbsentAndValuesAreTrimmed() {
        ProfileChange change = ProfileChange.of(null, " a@example.com ", "  Name  ", null, null, null);
        assertEquals("Name", change.name());
        assertEquals("a@example.com", change.uid());
        assertNull(change.device());
        assertNull(change.type());
        assertNull(change.method());
    }

    @Test
    void everyProblemIsReportedTogether() {
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> ProfileChange.of(null, "nobody", " ", "webui", "Admin", "CAC"));
        assertEquals(5, invalid.problems().size(), invalid.problems().toString());
        assertEquals("device must be one of WebUI, iPad, EmbeddedNode, DMM-v1, Boroscope-v1, OpticalMicrometer-v1,"
                + " GenericCamera-v1", invalid.problems().get(2));
    }
}
