package org.anteroom.directory;

/** Only ACTIVE users may log in. The legacy API spells and orders them itself ({@code legacy.StatusWords}). */
public enum UserStatus {
    ACTIVE,
    PENDING,
    SUSPENDED,
    INACTIVE
}
