package org.anteroom.directory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules of a user's record: what a name, an email address and a secret may be. The
 * messages are the ones the legacy spec's Registration and Update sections state ("First name is
 * mandatory", "Malformed email: 'x'"), in words any surface may show. Each check adds its message
 * to the list it is given, so a client learns every problem at once.
 */
public final class UserRules {

    /** Lengths the spec states: "longer than 5 characters and shorter than 20". */
    static final int SECRET_MIN = 6;

    static final int SECRET_MAX = 19;
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;

    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+$");

    private UserRules() {}

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Adds "{label} is mandatory" when absent; true when present. */
    public static boolean mandatory(String value, String label, List<String> problems) {
        if (present(value)) {
            return true;
        }
        problems.add(label + " is mandatory");
        return false;
    }

    public static void name(String value, String label, List<String> problems) {
        if (value.length() > NAME_MAX) {
            problems.add(label + " must be at most " + NAME_MAX + " characters");
        }
        printable(value, label, problems);
    }

    /**
     * Names of people, shown on every surface and written into mails: a NUL, a line break or an
     * escape sequence in one is never a name, only a way to corrupt what others see.
     */
    public static void printable(String value, String label, List<String> problems) {
        if (hasControlCharacters(value)) {
            problems.add(label + " may not contain control characters");
        }
    }

    public static boolean hasControlCharacters(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    private static final Pattern UUID_FORM =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** A UUID in its canonical lower-case form, as presence writes them. */
    public static boolean validUuid(String value) {
        return value != null && UUID_FORM.matcher(value).matches();
    }

    public static boolean validEmail(String value) {
        return value != null
                && value.length() <= EMAIL_MAX
                && EMAIL.matcher(value).matches();
    }

    public static void email(String value, List<String> problems) {
        if (!validEmail(value)) {
            problems.add("Malformed email: '" + abbreviate(value) + "'");
        }
    }

    /** Password, tag id and pin share the spec's length rule. */
    public static void secret(String value, String label, List<String> problems) {
        if (value.length() < SECRET_MIN || value.length() > SECRET_MAX) {
            problems.add(label + " must be longer than 5 and shorter than 20 characters");
        }
    }

    /** Quoted values are cut short so an oversized field cannot blow up the answer. */
    public static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
