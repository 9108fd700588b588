package org.anteroom.directory;

import java.time.Instant;

/**
 * A user as the directory hands it out: plain values, built inside the transaction that read the
 * user, so no caller ever touches a lazy association after it (only EclipseLink would load it then).
 * Credentials never appear; the organization, facility and role are null when the user has none.
 */
public record UserView(
        String id,
        String username,
        String firstName,
        String lastName,
        String displayName,
        String email,
        String organizationId,
        String organizationName,
        String facilityId,
        String facilityName,
        Long roleId,
        String roleName,
        UserStatus status,
        Instant created,
        Instant modified,
        String uuid) {

    /** Reads the user's associations, so call it inside the transaction that loaded the user. */
    public static UserView of(User user) {
        Organization organization = user.organization().orElse(null);
        Facility facility = user.facility().orElse(null);
        Role role = user.role().orElse(null);
        return new UserView(
                user.id(),
                user.username(),
                user.firstName(),
                user.lastName(),
                user.displayName(),
                user.email(),
                organization == null ? null : organization.id(),
                organization == null ? null : organization.name(),
                facility == null ? null : facility.id(),
                facility == null ? null : facility.name(),
                role == null ? null : role.id(),
                role == null ? null : role.name(),
                user.status(),
                user.created(),
                user.modified(),
                user.uuid().orElse(null));
    }
}
