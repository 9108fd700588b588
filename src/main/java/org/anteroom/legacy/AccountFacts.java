package org.anteroom.legacy;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

import org.anteroom.access.Login;
import org.anteroom.directory.UserView;
import org.anteroom.legacy.DirectoryFacts.RoleWithPermissionsFact;

/** The shapes of {@code validateAccount}'s answer. */
public final class AccountFacts {

    private AccountFacts() {}

    /** {@code {"validateAccountFact": {"statusFact": ..., "accountFact": ...}}} */
    public record ValidateAccountResponse(ValidateAccountFact validateAccountFact) {

        static ValidateAccountResponse success(Object accountFact) {
            return new ValidateAccountResponse(new ValidateAccountFact(accountFact, StatusFact.SUCCESS));
        }

        static ValidateAccountResponse failure(String message) {
            return new ValidateAccountResponse(new ValidateAccountFact(null, StatusFact.failure(message)));
        }
    }

    public record ValidateAccountFact(Object accountFact, StatusFact statusFact) {}

    public record AccountFact(
            List<String> activeDevices,
            String facilityId,
            String organizationId,
            RoleWithPermissionsFact role,
            String token,
            String userId,
            String username) {

        static AccountFact of(Login login) {
            UserView user = login.user();
            return new AccountFact(
                    login.activeDevices(),
                    user.facilityId(),
                    user.organizationId(),
                    login.role() == null ? null : RoleWithPermissionsFact.of(login.role()),
                    login.token(),
                    user.id(),
                    user.username());
        }
    }

    /** A temporal token belongs to nobody: the spec shows {@code role} and {@code userId} as null. */
    @JsonbNillable
    public record TemporalAccountFact(List<String> activeDevices, Object role, String token, String userId) {

        static TemporalAccountFact of(String token) {
            return new TemporalAccountFact(List.of(), null, token, null);
        }
    }
}
