/**
 * Who is who: organizations, their facilities and roles, the permission catalogue, and the one
 * {@link org.anteroom.directory.User} that all three wire surfaces share (a legacy user can log into
 * presence and be a bot; a presence-only user simply has no facility or role).
 */
package org.anteroom.directory;
