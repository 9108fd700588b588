package org.anteroom.directory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Cacheable
@Table(name = "organization")
public class Organization {

    @Id
    private String id;

    private String name;

    /** Display order; the legacy lists keep the order organizations were made. */
    @Column(name = "display_order")
    private int position;

    /** Raised by every administrator's change; an update names the revision it read (decision 0020). */
    private long revision;

    @OneToMany(mappedBy = "organization")
    @OrderBy("position")
    private List<Facility> facilities = new ArrayList<>();

    @OneToMany(mappedBy = "organization")
    @OrderBy("id")
    private List<Role> roles = new ArrayList<>();

    protected Organization() {}

    public Organization(String id, String name, int position) {
        this.id = id;
        this.name = name;
        this.position = position;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
    }

    public void rename(String name) {
        this.name = name;
        revise();
    }

    public long revision() {
        return revision;
    }

    /** Counts one administrator's change. */
    void revise() {
        revision++;
    }

    public List<Facility> facilities() {
        return facilities;
    }

    public List<Role> roles() {
        return roles;
    }
}
