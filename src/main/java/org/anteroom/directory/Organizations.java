package org.anteroom.directory;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.UnknownEntityException;

/** Organizations with their facilities and roles; reads only, served from the shared cache. */
@Stateless
public class Organizations {

    @PersistenceContext
    EntityManager em;

    public List<Organization> all() {
        return em.createQuery("select o from Organization o order by o.position, o.id", Organization.class)
                .setHint("eclipselink.query-results-cache", true)
                .getResultList();
    }

    public Organization organization(String id) {
        Organization organization = id == null ? null : em.find(Organization.class, id);
        if (organization == null) {
            throw new UnknownEntityException("Organization");
        }
        return organization;
    }

    public List<Facility> facilities(String organizationId) {
        return List.copyOf(organization(organizationId).facilities());
    }

    /** A facility of this organization; a facility of another organization is unknown here. */
    public Facility facility(String organizationId, String facilityId) {
        Facility facility = facilityId == null ? null : em.find(Facility.class, facilityId);
        if (facility == null || !facility.organization().id().equals(organizationId)) {
            throw new UnknownEntityException("Facility");
        }
        return facility;
    }

    public List<Role> roles(String organizationId) {
        return List.copyOf(organization(organizationId).roles());
    }
}
