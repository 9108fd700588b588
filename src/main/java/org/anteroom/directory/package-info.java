/**
 * Who is who: organizations, their facilities and roles, the permission catalogue, and the one
 * {@link org.anteroom.directory.User} that all three wire surfaces share (a legacy user can log into
 * presence and be a bot; a presence-only user simply has no facility or role). The life of a user's
 * record (registration, update, placement, deactivation) is {@link org.anteroom.directory.Registrations},
 * and what is asked of it comes as a {@link org.anteroom.directory.UserDraft}, in the directory's terms;
 * the facades an adapter calls hand out views ({@code UserView}, {@code OrganizationView}, ...), built
 * inside the transaction, never the entities. This package imports no other domain package.
 */
package org.anteroom.directory;
