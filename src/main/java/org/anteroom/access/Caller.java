package org.anteroom.access;

/**
 * Who a legacy token speaks for: a user on a device, or, for a temporal token, nobody yet.
 *
 * @param userId   the token's user; null for a temporal token
 * @param deviceId the device the token was issued to; null for a temporal token
 * @param temporal whether this is a 5-minute temporal token
 */
public record Caller(String userId, String deviceId, boolean temporal) {}
