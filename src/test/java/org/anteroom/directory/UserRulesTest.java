package org.anteroom.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserRulesTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void mandatoryFieldsUseTheSpecsWording() {
        assertFalse(UserRules.mandatory("  ", "First name", problems));
        assertFalse(UserRules.mandatory(null, "Facility", problems));
        assertTrue(UserRules.mandatory("x", "Role", problems));
        assertEquals(List.of("First name is mandatory", "Facility is mandatory"), problems);
    }

    @Test
    void emailsMustBeWellFormed() {
        for (String good : List.of("e@e.com", "esteban.aliverti@cogmed.com", "a+b@mail.army.mil")) {
            UserRules.email(good, problems);
        }
        assertEquals(List.of(), problems);
        for (String bad :
                List.of("esteban.aliverti@cogmed", "no-at.example", "a@b@c.com", "a b@c.com", "a@.com", "a@c.")) {
            UserRules.email(bad, problems);
        }
        assertEquals(6, problems.size());
        assertEquals("Malformed email: 'esteban.aliverti@cogmed'", problems.get(0));
    }

    @Test
    void namesRefuseControlCharacters() {
        UserRules.name("Zoë O'Brien-Łukasz 李", "First name", problems);
        assertEquals(List.of(), problems);
        for (String bad : List.of("Ev\u0000il", "two\nlines", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085")) {
            UserRules.name(bad, "Last name", problems);
        }
        assertEquals(6, problems.size());
        assertEquals("Last name may not contain control characters", problems.get(0));
        UserRules.email("nul\u0000@example.com", problems);
        assertEquals(7, problems.size());
    }

    @Test
    void secretsAreLongerThanFiveAndShorterThanTwenty() {
        UserRules.secret("12345", "Password", problems);
        UserRules.secret("123456", "Password", problems);
        UserRules.secret("1234567890123456789", "Pin", problems);
        UserRules.secret("12345678901234567890", "Tag id", problems);
        assertEquals(
                List.of(
                        "Password must be longer than 5 and shorter than 20 characters",
                        "Tag id must be longer than 5 and shorter than 20 characters"),
                problems);
    }

    @Test
    void quotedValuesAreCutShort() {
        UserRules.email("x".repeat(300), problems);
        assertTrue(problems.get(0).length() < 100, problems.get(0));
    }
}
