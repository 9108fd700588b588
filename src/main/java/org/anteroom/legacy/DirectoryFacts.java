package org.anteroom.legacy;

import java.util.List;

import org.anteroom.directory.FacilityView;
import org.anteroom.directory.OrganizationView;
import org.anteroom.directory.RoleView;
import org.anteroom.directory.RoleView.PermissionView;
import org.anteroom.rooms.FacilityRoom;

/** The legacy shapes of directory views, field for field as the spec's samples show them. */
public final class DirectoryFacts {

    private DirectoryFacts() {}

    public record OrganizationFact(String id, String name) {
        static OrganizationFact of(OrganizationView o) {
            return new OrganizationFact(o.id(), o.name());
        }
    }

    public record FacilityFact(
            String id,
            String name,
            String organizationId,
            boolean nfcEnabled,
            boolean nfcSelfModificationEnabled,
            boolean barCodeEnabled) {
        static FacilityFact of(FacilityView f) {
            return new FacilityFact(
                    f.id(),
                    f.name(),
                    f.organizationId(),
                    f.nfcEnabled(),
                    f.nfcSelfModificationEnabled(),
                    f.barCodeEnabled());
        }
    }

    public record RoleFact(long id, String name, String description, String organizationId) {
        static RoleFact of(RoleView r) {
            return new RoleFact(r.id(), r.name(), r.description(), r.organizationId());
        }
    }

    /** A role as the login returns it: with its permissions. */
    public record RoleWithPermissionsFact(
            long id, String name, String description, String organizationId, List<PermissionFact> permissions) {
        static RoleWithPermissionsFact of(RoleView r) {
            return new RoleWithPermissionsFact(
                    r.id(),
                    r.name(),
                    r.description(),
                    r.organizationId(),
                    r.permissions().stream().map(PermissionFact::of).toList());
        }
    }

    /** {@code organizationId} is left out for a permission shared by all organizations. */
    public record PermissionFact(long id, String name, String organizationId) {
        static PermissionFact of(PermissionView p) {
            return new PermissionFact(p.id(), p.name(), p.organizationId());
        }
    }

    /** A room's legacy id is its code within the facility. */
    public record RoomFact(String id, String name, String facilityId) {
        static RoomFact of(FacilityRoom r) {
            return new RoomFact(r.code(), r.name(), r.facilityId());
        }
    }

    public record StatusValue(String value) {}
}
