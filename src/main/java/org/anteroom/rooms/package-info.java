/**
 * Rooms: the legacy facility rooms and the presence rooms are one entity. {@code Rooms} creates,
 * finds (by UUID or shortname) and lists them; {@code Memberships} moves people in and out (join
 * requests, approvals, leave, kick, disconnect) through {@code Occupancy}, the one place anyone enters
 * or leaves a room; {@code Invitations} pre-approves email addresses; {@code Attendance} takes out
 * whoever no live presence session keeps in a room any more (decision 0009). Every change fires a
 * {@code RoomEvent} that wire adapters observe after the commit (decision 0007).
 */
package org.anteroom.rooms;
