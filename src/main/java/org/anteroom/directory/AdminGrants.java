package org.anteroom.directory;

import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.NotPermittedException;

/**
 * Who may administer which part of the directory (docs/permissions.md): {@code manage_organizations}
 * reaches every organization; {@code manage_facilities}, {@code manage_roles} and {@code manage_rooms}
 * reach the caller's own organization, or every organization together with {@code manage_organizations}.
 * Reading is allowed wherever the caller may change anything. Pure rules over the caller's role (only
 * an ACTIVE account holds any), so they are tested without a server.
 */
public final class AdminGrants {

    /** The permissions that reach into one organization. */
    static final List<String> WITHIN_ORGANIZATION =
            List.of(Permissions.MANAGE_FACILITIES, Permissions.MANAGE_ROLES, Permissions.MANAGE_ROOMS);

    private AdminGrants() {}

    public static boolean canManageOrganizations(User caller) {
        return caller.holds(Permissions.MANAGE_ORGANIZATIONS);
    }

    /** One of the within-organization permissions, in this organization. */
    public static boolean canManage(User caller, String permission, String organizationId) {
        return caller.holds(permission) && reaches(caller, organizationId);
    }

    /** Reading an organization and what it holds: any admin permission that reaches it. */
    public static boolean canRead(User caller, String organizationId) {
        return canManageOrganizations(caller)
                || WITHIN_ORGANIZATION.stream().anyMatch(p -> canManage(caller, p, organizationId));
    }

    /** Granting a permission to a role: only one the caller holds itself, so nobody raises its own rights. */
    public static boolean canGrant(User caller, String permission) {
        return caller.holds(permission);
    }

    private static boolean reaches(User caller, String organizationId) {
        return canManageOrganizations(caller)
                || Objects.equals(
                        organizationId,
                        caller.organization().map(Organization::id).orElse(null));
    }

    static void require(boolean allowed, String permission, String organizationId) {
        if (!allowed) {
            throw new NotPermittedException(
                    organizationId == null
                            ? "This needs the permission " + permission
                            : "This needs the permission " + permission + " for organization " + organizationId);
        }
    }

    /** The caller a checked token named; gone since, it is no longer anybody. */
    static User caller(EntityManager em, String callerId) {
        User caller = callerId == null ? null : em.find(User.class, callerId);
        if (caller == null) {
            throw new NotAuthenticatedException("Invalid or expired security token");
        }
        return caller;
    }
}
