package org.anteroom.directory;

/** An organization as the directory hands it out. */
public record OrganizationView(String id, String name) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id(), organization.name());
    }
}
