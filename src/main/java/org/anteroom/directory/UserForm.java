package org.anteroom.directory;

/**
 * A user's record as a client submits it for registration or update: raw text, exactly as sent,
 * because the validation messages quote what was sent. Null means "not sent".
 */
public record UserForm(
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

    /** Never print credentials, not even by accident in a log line. */
    @Override
    public String toString() {
        return "UserForm[username=" + username + ", organization=" + organization + ", facility=" + facility
                + ", role=" + role + ", status=" + status + "]";
    }
}
