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

    /** Checks the wire values: the enums by their wire names, the name by its length. */
    public static ProfileChange of(String uuid, String uid, String name, String device, String type, String method) {
        List<String> problems = new ArrayList<>();
        if (name != null && (name.isBlank() || name.trim().length() > NAME_MAX)) {
            problems.add("name must have between 1 and " + NAME_MAX + " characters");
        }
        UserRules.printable(name, "name", problems);
        if (uid != null && !UserRules.validEmail(uid.trim())) {
            problems.add("uid must be an email address");
        }
        Device parsedDevice = device == null ? null : Device.of(device).orElse(null);
        if (device != null && parsedDevice == null) {
            problems.add("device must be one of " + Device.labels());
        }
        UserType parsedType = type == null ? null : UserType.of(type).orElse(null);
        if (type != null && parsedType == null) {
            problems.add("type must be one of " + UserType.labels());
        }
        LoginMethod parsedMethod = method == null ? null : LoginMethod.of(method).orElse(null);
        if (method != null && parsedMethod == null) {
            problems.add("method must be one of " + LoginMethod.labels());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProfileChange(uuid, uid == null ? null : uid.trim(), name == null ? null : name.trim(),
                parsedDevice, parsedType, parsedMethod);
    }
}
