package org.anteroom.access;

/** Some legacy tokens stopped being valid: revoked, replaced by a new login, or a user suspended. */
public record TokensRevoked() {}
