package org.anteroom.legacy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.anteroom.directory.Facility;
import org.anteroom.directory.Organization;
import org.anteroom.directory.Role;
import org.anteroom.directory.User;

/**
 * A user as the legacy API shows it. Credentials never appear. {@code updateDate} is
 * {@code yyyy-MM-dd HH:mm:ss.S} in UTC, the format of the spec's list and read samples.
 */
public record UserFact(String email, String facilityId, String facilityName, String firstName, String id,
        String lastName, String organizationId, String organizationName, Long roleId, String roleName,
        String status, String updateDate, String username) {

    static final DateTimeFormatter UPDATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S")
            .withZone(ZoneOffset.UTC);

    static UserFact of(User user) {
        return new UserFact(user.email(),
                user.facility().map(Facility::id).orElse(null),
                user.facility().map(Facility::name).orElse(null),
                user.firstName(), user.id(), user.lastName(),
                user.organization().map(Organization::id).orElse(null),
                user.organization().map(Organization::name).orElse(null),
                user.role().map(Role::id).orElse(null),
                user.role().map(Role::name).orElse(null),
                user.status().name(),
                UPDATE_DATE.format(user.modified()),
                user.username());
    }
}
