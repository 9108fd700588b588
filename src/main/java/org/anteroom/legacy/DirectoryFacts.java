package org.anteroom.legacy;

import java.util.List;

import org.anteroom.directory.Facility;
import org.anteroom.directory.Organization;
import org.anteroom.directory.Permission;
import org.anteroom.directory.Role;
import org.anteroom.rooms.Room;

/** The legacy shapes of directory entities, field for field as the spec's samples show them. */
public final class DirectoryFacts {

    private DirectoryFacts() {
    }

    public record OrganizationFact(String id, String name) {
        static OrganizationFact of(Organization o) {
            return new OrganizationFact(o.id(), o.name());
        }
    }

    public record FacilityFact(String id, String name, String organizationId, boolean nfcEnabled,
            boolean nfcSelfModificationEnabled, boolean barCodeEnabled) {
        static FacilityFact of(Facility f) {
            return new FacilityFact(f.id(), f.name(), f.organization().id(), f.nfcEnabled(),
                    f.nfcSelfModificationEnabled(), f.barCodeEnabled());
        }
    }

    public record RoleFact(long id, String name, String description, String organizationId) {
        static RoleFact of(Role r) {
            return new RoleFact(r.id(), r.name(), r.description(), r.organization().id());
        }
    }

    /** A role as the login returns it: with its permissions. */
    public record RoleWithPermissionsFact(long id, String name, String description, String organizationId,
            List<PermissionFact> permissions) {
        static RoleWithPermissionsFact of(Role r) {
            return new RoleWithPermissionsFact(r.id(), r.name(), r.description(), r.organization().id(),
                    r.permissions().stream()
                            .sorted(java.util.Comparator.comparingLong(Permission::id))
                            .map(PermissionFact::of).toList());
        }
    }

    /** {@code organizationId} is left out for a permission shared by all organizations. */
    public record PermissionFact(long id, String name, String organizationId) {
        static PermissionFact of(Permission p) {
            return new PermissionFact(p.id(), p.name(), p.organization() == null ? null : p.organization().id());
        }
    }

    /** A room's legacy id is its code within the facility. */
    public record RoomFact(String id, String name, String facilityId) {
        static RoomFact of(Room r) {
            return new RoomFact(r.code(), r.name(), r.facility().id());
        }
    }

    public record StatusValue(String value) {
    }
}
