package org.anteroom.directory;

import java.util.List;

/**
 * What an administrator writes into the directory, as the admin adapter read it. A null field was not
 * sent; {@code revision} is the revision the administrator read, which an update must name.
 */
public final class DirectoryDrafts {

    private DirectoryDrafts() {}

    public record OrganizationDraft(String id, String name, Long revision) {}

    public record FacilityDraft(
            String id,
            String name,
            Boolean nfcEnabled,
            Boolean nfcSelfModificationEnabled,
            Boolean barCodeEnabled,
            Long revision) {}

    /** A role; {@code id} may be chosen on create (an import keeps the old ids), else it is the next free one. */
    public record RoleDraft(Long id, String name, String description, List<String> permissions, Long revision) {

        public RoleDraft {
            permissions = permissions == null
                    ? null
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(permissions));
        }
    }
}
