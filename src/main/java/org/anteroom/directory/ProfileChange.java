package org.anteroom.directory;

import java.util.ArrayList;
import java.util.List;

import org.anteroom.platform.InvalidInputException;

/**
 * A presence user's change to its own record. Absent (null) fields stay as they are. Every field is
 * checked and every problem reported together.
 */
public record ProfileChange(String uuid, String uid, String name, Device device, UserType type, LoginMethod method) {

    static final int NAME_MAX = 200;

    /**
     * Checks the name by its length and characters and the uid as an address, and trims both.
     *
     * @param decodingProblems what the adapter found wrong while decoding the other fields (an unknown
     *                         device name, say): reported after these rules, in the same answer
     */
    public static ProfileChange of(
            String uuid,
            String uid,
            String name,
            Device device,
            UserType type,
            LoginMethod method,
            List<String> decodingProblems) {
        List<String> problems = new ArrayList<>();
        if (name != null && (name.isBlank() || name.trim().length() > NAME_MAX)) {
            problems.add("name must have between 1 and " + NAME_MAX + " characters");
        }
        UserRules.printable(name, "name", problems);
        if (uid != null && !UserRules.validEmail(uid.trim())) {
            problems.add("uid must be an email address");
        }
        problems.addAll(decodingProblems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProfileChange(
                uuid, uid == null ? null : uid.trim(), name == null ? null : name.trim(), device, type, method);
    }
}
