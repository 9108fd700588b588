package org.anteroom.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.anteroom.platform.InvalidInputException;

/**
 * The rules of what administrators write into the directory, each message naming its field as the
 * admin API spells it. Every broken rule of a request is reported at once.
 */
final class DirectoryRules {

    static final int ID_MAX = 64;
    static final int NAME_MAX = 200;
    static final int ROLE_NAME_MAX = 100;
    static final int DESCRIPTION_MAX = 500;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1," + ID_MAX + "}");

    private final List<String> problems = new ArrayList<>();

    /** An id chosen by the administrator: part of URLs and legacy answers, so plain characters only. */
    DirectoryRules id(String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.add(field + " is required");
        } else if (!ID.matcher(value).matches()) {
            problems.add(field + " must be 1 to " + ID_MAX + " letters, digits, '.', '_' or '-'");
        }
        return this;
    }

    /** A name as shown to people: trimmed, not blank, bounded, no control characters. */
    DirectoryRules name(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else if (value.strip().length() > max) {
            problems.add(field + " may have at most " + max + " characters");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(field + " may not contain control characters");
        }
        return this;
    }

    DirectoryRules text(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(field + " may have at most " + max + " characters");
        }
        return this;
    }

    DirectoryRules present(String field, Object value) {
        if (value == null) {
            problems.add(field + " is required");
        }
        return this;
    }

    DirectoryRules permissions(String field, List<String> names) {
        if (names != null) {
            for (String name : names) {
                if (name == null || !Permissions.CATALOGUE.contains(name)) {
                    problems.add(field + ": '" + name + "' is not a permission");
                }
            }
        }
        return this;
    }

    DirectoryRules fail(String problem) {
        problems.add(problem);
        return this;
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
