package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstAdministratorTest {

    @Test
    void anOrganizationsIdIsItsNameInLowerCaseWordsJoinedByDashes() {
        assertEquals("acme-health-east", FirstAdministrator.slug("  Acme Health, East! "));
        assertEquals("unc", FirstAdministrator.slug("UNC"));
        assertEquals("hopital-3", FirstAdministrator.slug("Hôpital 3"));
    }

    @Test
    void aLongNameIsCutToTheColumnWithoutATrailingDash() {
        String id = FirstAdministrator.slug("a".repeat(63) + " b" + "c".repeat(100));
        assertEquals("a".repeat(63), id);
    }

    @Test
    void aNameWithoutLettersOrDigitsGetsAUuid() {
        assertTrue(FirstAdministrator.slug("***").matches("[0-9a-f-]{36}"));
    }
}
