package org.anteroom.directory;

import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Hints;
import org.anteroom.platform.UnknownEntityException;

/**
 * Organizations with their facilities and roles. Reads only: they are served read-only from the
 * shared cache, without a transaction, because every legacy screen starts with them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Organizations {

    private static final Map<String, Object> READ_ONLY = Map.of(Hints.READ_ONLY, true);

    @PersistenceContext
    EntityManager em;

    public List<Organization> all() {
        return em.createQuery("select o from Organization o order by o.position, o.id", Organization.class)
                .setHint(Hints.READ_ONLY, true)
                .setHint(Hints.QUERY_RESULTS_CACHE, true)
                .getResultList();
    }

    public Organization organization(String id) {
        Organization organization = id == null ? null : em.find(Organization.class, id, READ_ONLY);
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
        Facility facility = facilityId == null ? null : em.find(Facility.class, facilityId, READ_ONLY);
        if (facility == null || !facility.organization().id().equals(organizationId)) {
            throw new UnknownEntityException("Facility");
        }
        return facility;
    }

    /** A facility by its id alone (facility ids are unique across organizations). */
    public Facility facility(String facilityId) {
        Facility facility = facilityId == null ? null : em.find(Facility.class, facilityId, READ_ONLY);
        if (facility == null) {
            throw new UnknownEntityException("Facility");
        }
        return facility;
    }

    public List<Role> roles(String organizationId) {
        return List.copyOf(organization(organizationId).roles());
    }
}
