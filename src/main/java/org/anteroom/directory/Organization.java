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

    public List<Facility> facilities() {
        return facilities;
    }

    public List<Role> roles() {
        return roles;
    }
}
