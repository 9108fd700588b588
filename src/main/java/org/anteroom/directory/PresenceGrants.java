package org.anteroom.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The presence permissions a user holds in a session. {@code rooms_create} and {@code room_kick} come
 * from the way the session was authenticated (by default: CAC with an email under a {@code mil}
 * domain) or from the user's legacy role. A session opened with an email one-time code never may
 * create rooms. Pure, so the rule is tested without a server.
 */
public final class PresenceGrants {

    private final Set<String> domains;
    private final Set<LoginMethod> methods;

    /**
     * @param domains domain suffixes whose addresses may create rooms: {@code mil} admits
     *                {@code army.mil} and {@code mail.mil}, not {@code mil.example.com}
     * @param methods the login methods that, with such an address, may create rooms
     */
    public PresenceGrants(Set<String> domains, Set<LoginMethod> methods) {
        this.domains =
                domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.methods = Set.copyOf(methods);
    }

    /** @param authenticated how the session was opened; null when the user has no session (role only) */
    public List<String> permissions(User user, LoginMethod authenticated) {
        boolean byLogin = authenticated != null && methods.contains(authenticated) && privilegedAddress(user.email());
        List<String> granted = new ArrayList<>();
        if ((byLogin || user.holds(Permissions.ROOMS_CREATE)) && authenticated != LoginMethod.EMAIL) {
            granted.add(Permissions.ROOMS_CREATE);
        }
        if (byLogin || user.holds(Permissions.ROOM_KICK)) {
            granted.add(Permissions.ROOM_KICK);
        }
        return granted;
    }

    boolean privilegedAddress(String email) {
        if (email == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(suffix -> domain.equals(suffix) || domain.endsWith("." + suffix));
    }
}
