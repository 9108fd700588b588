package org.anteroom.directory;

/**
 * A user's record as someone asks to register or change it, before any rule has looked at it. The
 * texts are as given, untrimmed, because the rules' messages quote what was given; null means "not
 * given". Nothing here says how a client spelled or sent it: each adapter builds its draft.
 *
 * @param password         the new password, given once
 * @param passwordMismatch the password was typed a second time, differently (a client that asks for it once
 *                         never mismatches)
 * @param organization     the organization's id; facility and role likewise by their ids
 * @param status           the status asked for, null when none was
 * @param pin              pin and tag id in the clear, for the length rule; the directory stores their digests
 */
public record UserDraft(
        String firstName,
        String lastName,
        String username,
        String email,
        String password,
        boolean passwordMismatch,
        String organization,
        String facility,
        String role,
        StatusChoice status,
        String pin,
        String tagId) {

    /**
     * A status as asked for: the text given, which the message quotes when it names none, and the
     * status it names, null for none. Which words name which status is the adapter's business.
     */
    public record StatusChoice(String given, UserStatus named) {}

    /** Never print credentials, not even by accident in a log line. */
    @Override
    public String toString() {
        return "UserDraft[username=" + username + ", organization=" + organization + ", facility=" + facility
                + ", role=" + role + ", status=" + status + "]";
    }
}
