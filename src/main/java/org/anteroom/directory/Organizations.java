package org.anteroom.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Hints;
import org.anteroom.platform.UnknownEntityException;

/**
 * Organizations with their facilities and roles. Every legacy screen starts with them, so they are
 * read from the shared cache, read-only; each read builds its views inside a transaction, because
 * facilities, roles and permissions are lazy associations that only EclipseLink would load after it.
 */
@Stateless
public class Organizations {

    private static final Map<String, Object> READ_ONLY = Map.of(Hints.READ_ONLY, true);

    @PersistenceContext
    EntityManager em;

    public List<OrganizationView> all() {
        return em
                .createQuery("select o from Organization o order by o.position, o.id", Organization.class)
                .setHint(Hints.READ_ONLY, true)
                .setHint(Hints.QUERY_RESULTS_CACHE, true)
                .getResultList()
                .stream()
                .map(OrganizationView::of)
                .toList();
    }

    public OrganizationView organization(String id) {
        return OrganizationView.of(cached(id));
    }

    public List<FacilityView> facilities(String organizationId) {
        return cached(organizationId).facilities().stream()
                .map(FacilityView::of)
                .toList();
    }

    /** A facility of this organization; a facility of another organization is unknown here. */
    public FacilityView facility(String organizationId, String facilityId) {
        Facility facility = facilityId == null ? null : em.find(Facility.class, facilityId, READ_ONLY);
        if (facility == null || !facility.organization().id().equals(organizationId)) {
            throw new UnknownEntityException("Facility");
        }
        return FacilityView.of(facility);
    }

    public List<RoleView> roles(String organizationId) {
        return cached(organizationId).roles().stream().map(RoleView::of).toList();
    }

    /**
     * The organization itself, managed in the caller's transaction: for the directory's own rules and
     * writes (placing a user, checking who may list it), never for an adapter.
     */
    public Optional<Organization> findOrganization(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Organization.class, id));
    }

    /**
     * A facility by its id alone (facility ids are unique across organizations), managed; see {@link
     * #findOrganization}.
     */
    public Optional<Facility> findFacility(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Facility.class, id));
    }

    /** A role by its id as a client writes it (a number), managed; see {@link #findOrganization}. */
    public Optional<Role> findRole(String id) {
        try {
            return Optional.ofNullable(id == null ? null : em.find(Role.class, Long.parseLong(id.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Organization cached(String id) {
        Organization organization = id == null ? null : em.find(Organization.class, id, READ_ONLY);
        if (organization == null) {
            throw new UnknownEntityException("Organization");
        }
        return organization;
    }
}
