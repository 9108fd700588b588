package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.anteroom.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The rules of a presence user's change to its own record, without a server. */
class ProfileChangeTest {

    @Test
    void absentFieldsStayAbsentAndValuesAreTrimmed() {
        ProfileChange change = ProfileChange.of(null, " a@example.com ", "  Name  ", null, null, null, List.of());
        assertEquals("Name", change.name());
        assertEquals("a@example.com", change.uid());
        assertNull(change.device());
        assertNull(change.type());
        assertNull(change.method());
    }

    @Test
    void everyProblemIsReportedTogetherTheDecodingOnesLast() {
        InvalidInputException invalid = assertThrows(
                InvalidInputException.class,
                () -> ProfileChange.of(null, "nobody", " ", null, null, null, List.of("device is wrong")));
        assertEquals(
                List.of(
                        "name must have between 1 and 200 characters",
                        "uid must be an email address",
                        "device is wrong"),
                invalid.problems());
    }

    @Test
    void theEnumsAreTakenAsDecoded() {
        ProfileChange change =
                ProfileChange.of(null, null, null, Device.IPAD, UserType.TOOL, LoginMethod.CAC, List.of());
        assertEquals(Device.IPAD, change.device());
        assertEquals(UserType.TOOL, change.type());
        assertEquals(LoginMethod.CAC, change.method());
    }
}
