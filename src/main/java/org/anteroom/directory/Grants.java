package org.anteroom.directory;

import java.util.Objects;

/**
 * Who may see and manage which users: the permission matrix of the legacy user operations
 * (docs/permissions.md). Pure rules over the caller's role, so they are tested without a server.
 */
public final class Grants {

    private Grants() {}

    public static boolean everywhere(User caller) {
        return caller.holds(Permissions.LIST_USERS_FROM_ALL_ORGANIZATIONS);
    }

    /**
     * Own record always; others with read_user in the same organization, or anywhere with the all-organizations
     * permission.
     */
    public static boolean canRead(User caller, User target) {
        return caller.id().equals(target.id())
                || everywhere(caller)
                || (caller.holds(Permissions.READ_USER) && sameOrganization(caller, target));
    }

    public static boolean canListAll(User caller) {
        return everywhere(caller);
    }

    public static boolean canListOrganization(User caller, Organization organization) {
        return everywhere(caller)
                || (caller.holds(Permissions.LIST_USERS_FROM_CURRENT_ORGANIZATION)
                        && organization.id().equals(organizationId(caller)));
    }

    public static boolean canListFacility(User caller, Facility facility) {
        return everywhere(caller)
                || (caller.holds(Permissions.LIST_USERS_FROM_CURRENT_FACILITY)
                        && facility.id()
                                .equals(caller.facility().map(Facility::id).orElse(null)))
                || canListOrganization(caller, facility.organization());
    }

    /** Registering a user into an organization. */
    public static boolean canCreateIn(User caller, String organizationId) {
        return caller.holds(Permissions.CREATE_USER)
                && (everywhere(caller) || Objects.equals(organizationId, organizationId(caller)));
    }

    /** Updating another user's record (a user may always update its own, within limits). */
    public static boolean canManage(User caller, String targetOrganizationId) {
        return caller.holds(Permissions.UPDATE_USER)
                && (everywhere(caller) || Objects.equals(targetOrganizationId, organizationId(caller)));
    }

    public static boolean canDeactivate(User caller, User target) {
        return caller.holds(Permissions.DELETE_USER) && (everywhere(caller) || sameOrganization(caller, target));
    }

    private static boolean sameOrganization(User a, User b) {
        String organization = organizationId(a);
        return organization != null && organization.equals(organizationId(b));
    }

    private static String organizationId(User user) {
        return user.organization().map(Organization::id).orElse(null);
    }
}
