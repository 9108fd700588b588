package org.anteroom.legacy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.anteroom.directory.UserView;

/**
 * A user as the legacy API shows it. Credentials never appear. {@code updateDate} is
 * {@code yyyy-MM-dd HH:mm:ss.S} in UTC, the format of the spec's list and read samples.
 */
public record UserFact(
        String email,
        String facilityId,
        String facilityName,
        String firstName,
        String id,
        String lastName,
        String organizationId,
        String organizationName,
        Long roleId,
        String roleName,
        String status,
        String updateDate,
        String username) {

    static final DateTimeFormatter UPDATE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.S").withZone(ZoneOffset.UTC);

    static UserFact of(UserView user) {
        return new UserFact(
                user.email(),
                user.facilityId(),
                user.facilityName(),
                user.firstName(),
                user.id(),
                user.lastName(),
                user.organizationId(),
                user.organizationName(),
                user.roleId(),
                user.roleName(),
                StatusWords.word(user.status()),
                UPDATE_DATE.format(user.modified()),
                user.username());
    }
}
