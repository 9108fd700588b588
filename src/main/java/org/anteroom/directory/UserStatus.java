package org.anteroom.directory;

/** Only ACTIVE users may log in; the order is the order the legacy API lists them. */
public enum UserStatus {
    ACTIVE, PENDING, SUSPENDED, INACTIVE
}
