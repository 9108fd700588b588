package org.anteroom.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One grant of the permission catalogue ({@link Permissions}). A permission may belong to an
 * organization or, like the spec's {@code list_patients_from_current_facility}, to none.
 */
@Entity
@Cacheable
@Table(name = "permission")
public class Permission {

    @Id
    private long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    protected Permission() {}

    public Permission(long id, String name, Organization organization) {
        this.id = id;
        this.name = name;
        this.organization = organization;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The owning organization, or null for a permission shared by all organizations. */
    public Organization organization() {
        return organization;
    }
}
