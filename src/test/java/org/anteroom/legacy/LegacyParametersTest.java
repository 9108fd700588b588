package org.anteroom.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LegacyParametersTest {

    @Test
    void theQueryStringWinsOverTheFormAndTheFirstValueWins() {
        Map<String, String> merged = LegacyParameters.merge(List.of(
                Map.of("token", List.of("from-query", "second")),
                Map.of("token", List.of("from-form"), "deviceId", List.of("d1"))));

        assertEquals("from-query", merged.get("token"));
        assertEquals("d1", merged.get("deviceId"));
    }

    @Test
    void formsAreDecodedAsUtf8() {
        Map<String, List<String>> form =
                LegacyParameters.parseForm("email=esteban.aliverti%40cogmed.com&firstName=Est%C3%A9ban&tagId=&flag&_=1"
                        .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("esteban.aliverti@cogmed.com"), form.get("email"));
        assertEquals(List.of("Estéban"), form.get("firstName"));
        assertEquals(List.of(""), form.get("tagId"));
        assertEquals(List.of(""), form.get("flag"));
    }

    @Test
    void garbledEncodingAndOversizedValuesAreRefused() {
        assertThrows(
                MalformedRequestException.class,
                () -> LegacyParameters.parseForm("a=%zz".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                MalformedRequestException.class,
                () -> LegacyParameters.merge(List.of(
                        Map.of("username", List.of("x".repeat(LegacyParameters.MAX_VALUE_LENGTH + 1))))));
    }

    @Test
    void booleansAreTrueFalseOrAbsent() {
        assertTrue(LegacyParameters.bool("temporal", "TRUE", false));
        assertFalse(LegacyParameters.bool("temporal", "false", true));
        assertTrue(LegacyParameters.bool("temporal", null, true));
        assertThrows(MalformedRequestException.class, () -> LegacyParameters.bool("temporal", "yes", false));
    }
}
