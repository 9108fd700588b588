/**
 * Rooms: the legacy facility rooms and the presence rooms are one entity. Later work adds
 * approvals, join requests, presence and invitations here.
 */
package org.anteroom.rooms;
