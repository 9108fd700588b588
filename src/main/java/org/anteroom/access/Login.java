package org.anteroom.access;

import java.util.List;

import org.anteroom.directory.RoleView;
import org.anteroom.directory.UserView;

/**
 * A successful login, built inside the login's transaction.
 *
 * @param user          the user who logged in
 * @param role          the user's role with its permissions, or null for a user without one
 * @param token         the new security token (the only time it exists in clear)
 * @param activeDevices the user's other devices that hold live tokens
 */
public record Login(UserView user, RoleView role, String token, List<String> activeDevices) {}
