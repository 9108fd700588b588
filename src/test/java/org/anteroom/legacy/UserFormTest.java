package org.anteroom.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anteroom.directory.UserDraft;
import org.anteroom.directory.UserStatus;
import org.junit.jupiter.api.Test;

class UserFormTest {

    @Test
    void theDraftHasThePasswordOnceAndWhetherItsConfirmationDiffers() {
        assertFalse(
                draft("password", "s3cret-pw", "passwordConfirm", "s3cret-pw").passwordMismatch());
        assertFalse(draft("password", "s3cret-pw").passwordMismatch(), "a client that asks once");
        assertTrue(
                draft("password", "s3cret-pw", "passwordConfirm", "s3cret-px").passwordMismatch());
        assertTrue(draft("password", "s3cret-pw", "passwordConfirm", "").passwordMismatch(), "sent empty");
        assertEquals(
                "s3cret-pw",
                draft("password", "s3cret-pw", "passwordConfirm", "x").password());
    }

    @Test
    void valuesStayAsSentAndEmptyOnesAreNotSent() {
        UserDraft draft = draft("firstName", " Zoë ", "email", "", "role", "2", "tagId", "poda");
        assertEquals(" Zoë ", draft.firstName());
        assertNull(draft.email());
        assertEquals("2", draft.role());
        assertEquals("poda", draft.tagId());
    }

    @Test
    void theCurrentPasswordIsTheFormsNotTheDrafts() {
        UserForm form = form("passwordValidation", "old-password");
        assertEquals("old-password", form.passwordValidation());
        assertFalse(form.draft().toString().contains("old-password"));
        assertFalse(form("password", "s3cret-pw", "pin", "246810").toString().contains("s3cret-pw"));
    }

    @Test
    void statusWordsAreReadInAnyCaseAndAnUnknownOneKeepsItsText() {
        assertEquals(
                new UserDraft.StatusChoice(" suspended ", UserStatus.SUSPENDED),
                draft("status", " suspended ").status());
        assertEquals(
                new UserDraft.StatusChoice("HAPPY", null),
                draft("status", "HAPPY").status());
        assertNull(draft("firstName", "F").status());
    }

    @Test
    void theLegacyApiSpellsAndListsTheFourStatuses() {
        assertEquals(
                List.of("ACTIVE", "PENDING", "SUSPENDED", "INACTIVE"),
                StatusWords.LISTED.stream().map(StatusWords::word).toList());
        assertEquals(Arrays.stream(UserStatus.values()).toList().size(), StatusWords.LISTED.size());
        assertEquals(Optional.of(UserStatus.PENDING), StatusWords.status("Pending"));
        assertEquals(Optional.empty(), StatusWords.status(" PENDING"), "the list query does not trim");
    }

    private static UserDraft draft(String... parameters) {
        return form(parameters).draft();
    }

    private static UserForm form(String... parameters) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        LegacyCall call = new LegacyCall();
        call.bind(map);
        return UserForm.of(call);
    }
}
