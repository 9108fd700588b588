package org.anteroom.admin;

import java.util.List;

import org.anteroom.directory.FacilityView;
import org.anteroom.directory.OrganizationView;
import org.anteroom.directory.RoleView;
import org.anteroom.directory.RoleView.PermissionView;
import org.anteroom.rooms.FacilityRoom;

/**
 * What the admin API answers, written by JSON-B: the domain's views under the admin API's names.
 * {@code revision} is what an update must send back (docs/admin-api.md).
 */
public final class AdminJson {

    private AdminJson() {}

    public record OrganizationJson(String id, String name, long revision) {
        static OrganizationJson of(OrganizationView view) {
            return new OrganizationJson(view.id(), view.name(), view.revision());
        }
    }

    public record FacilityJson(
            String id,
            String organizationId,
            String name,
            boolean nfcEnabled,
            boolean nfcSelfModificationEnabled,
            boolean barCodeEnabled,
            long revision) {
        static FacilityJson of(FacilityView view) {
            return new FacilityJson(
                    view.id(),
                    view.organizationId(),
                    view.name(),
                    view.nfcEnabled(),
                    view.nfcSelfModificationEnabled(),
                    view.barCodeEnabled(),
                    view.revision());
        }
    }

    /** A role; {@code permissions} are names, in the order of the permission rows' ids. */
    public record RoleJson(
            long id, String organizationId, String name, String description, List<String> permissions, long revision) {
        static RoleJson of(RoleView view) {
            return new RoleJson(
                    view.id(),
                    view.organizationId(),
                    view.name(),
                    view.description(),
                    view.permissions().stream().map(PermissionView::name).toList(),
                    view.revision());
        }
    }

    /** A facility room; {@code id} is its code, the id the legacy API gives it. */
    public record RoomJson(String id, String organizationId, String facilityId, String name, long revision) {
        static RoomJson of(String organizationId, FacilityRoom room) {
            return new RoomJson(room.code(), organizationId, room.facilityId(), room.name(), room.revision());
        }
    }

    public record PermissionJson(String name) {}
}
