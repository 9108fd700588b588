package org.anteroom.access;

import java.util.List;

import org.anteroom.directory.User;

/**
 * A successful login.
 *
 * @param user          the user who logged in
 * @param token         the new security token (the only time it exists in clear)
 * @param activeDevices the user's other devices that hold live tokens
 */
public record Login(User user, String token, List<String> activeDevices) {
}
