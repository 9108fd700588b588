package org.anteroom.directory;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Cacheable
@Table(name = "app_role")
public class Role {

    @Id
    private long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String name;

    private String description;

    @ManyToMany
    @JoinTable(
            name = "role_permission",
            joinColumns = @JoinColumn(name = "role_id"),
            inverseJoinColumns = @JoinColumn(name = "permission_id"))
    @OrderBy("id")
    private Set<Permission> permissions = new LinkedHashSet<>();

    /** Raised by every administrator's change; an update names the revision it read (decision 0020). */
    private long revision;

    protected Role() {}

    public Role(long id, Organization organization, String name, String description) {
        this.id = id;
        this.organization = organization;
        this.name = name;
        this.description = description;
        organization.roles().add(this);
    }

    public long id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public void describe(String name, String description) {
        this.name = name;
        this.description = description;
        revise();
    }

    public long revision() {
        return revision;
    }

    /** Counts one administrator's change (permissions included: they are a join table, no column of the role). */
    void revise() {
        revision++;
    }

    public boolean grants(String permission) {
        return permissions.stream().anyMatch(p -> p.name().equals(permission));
    }
}
