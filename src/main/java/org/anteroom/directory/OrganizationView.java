package org.anteroom.directory;

/** An organization as the directory hands it out; {@code revision} counts the administrators' changes. */
public record OrganizationView(String id, String name, long revision) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id(), organization.name(), organization.revision());
    }
}
