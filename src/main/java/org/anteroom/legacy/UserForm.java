package org.anteroom.legacy;

import org.anteroom.directory.UserDraft;
import org.anteroom.directory.UserDraft.StatusChoice;

/**
 * The registration and update form as a legacy client sends it, under the spec's parameter names.
 * Null means "not sent", an empty value too, except {@code passwordConfirm}: sent empty it is a
 * confirmation that does not match, as it always was.
 *
 * @param passwordConfirm    the password typed again (registration, optional)
 * @param passwordValidation the current password, which a user changing its own credentials proves
 */
record UserForm(
        String firstName,
        String lastName,
        String username,
        String email,
        String password,
        String passwordConfirm,
        String passwordValidation,
        String organization,
        String facility,
        String role,
        String status,
        String pin,
        String tagId) {

    static UserForm of(LegacyCall call) {
        return new UserForm(
                call.text("firstName"),
                call.text("lastName"),
                call.text("username"),
                call.text("email"),
                call.text("password"),
                call.raw("passwordConfirm"),
                call.text("passwordValidation"),
                call.text("organization"),
                call.text("facility"),
                call.text("role"),
                call.text("status"),
                call.text("pin"),
                call.text("tagId"));
    }

    /**
     * The draft the directory checks: the password once, with whether its confirmation differs; the
     * status word read as the legacy API spells statuses, keeping the text for the message that
     * quotes an unknown one.
     */
    UserDraft draft() {
        boolean mismatch = passwordConfirm != null && !passwordConfirm.equals(password);
        StatusChoice choice = status == null
                ? null
                : new StatusChoice(status, StatusWords.status(status.trim()).orElse(null));
        return new UserDraft(
                firstName,
                lastName,
                username,
                email,
                password,
                mismatch,
                organization,
                facility,
                role,
                choice,
                pin,
                tagId);
    }

    /** Never print credentials, not even by accident in a log line. */
    @Override
    public String toString() {
        return "UserForm[username=" + username + ", organization=" + organization + ", facility=" + facility + ", role="
                + role + ", status=" + status + "]";
    }
}
