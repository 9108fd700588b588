package org.anteroom.directory;

import java.util.Comparator;
import java.util.List;

/** A role as the directory hands it out, with the permissions it grants in id order. */
public record RoleView(
        long id,
        String name,
        String description,
        String organizationId,
        List<PermissionView> permissions,
        long revision) {

    public RoleView {
        permissions = List.copyOf(permissions);
    }

    /** Reads the role's organization and permissions, so call it inside the transaction that loaded the role. */
    public static RoleView of(Role role) {
        return new RoleView(
                role.id(),
                role.name(),
                role.description(),
                role.organization().id(),
                role.permissions().stream()
                        .sorted(Comparator.comparingLong(Permission::id))
                        .map(PermissionView::of)
                        .toList(),
                role.revision());
    }

    /** One permission; {@code organizationId} is null for a permission shared by all organizations. */
    public record PermissionView(long id, String name, String organizationId) {

        static PermissionView of(Permission permission) {
            return new PermissionView(
                    permission.id(),
                    permission.name(),
                    permission.organization() == null
                            ? null
                            : permission.organization().id());
        }
    }
}
