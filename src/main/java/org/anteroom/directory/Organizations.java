package org.anteroom.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.DirectoryDrafts.OrganizationDraft;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.Constraints;
import org.anteroom.platform.Hints;
import org.anteroom.platform.UnknownEntityException;

/**
 * Organizations with their facilities and roles. Every legacy screen starts with them, so they are
 * read from the shared cache, read-only; each read builds its views inside a transaction, because
 * facilities, roles and permissions are lazy associations that only EclipseLink would load after it.
 * Administrators create, rename and delete organizations here ({@code admin...} methods, checked by
 * {@link AdminGrants}); {@link Facilities} and {@link Roles} write what an organization holds.
 */
@Stateless
public class Organizations {

    private static final Map<String, Object> READ_ONLY = Map.of(Hints.READ_ONLY, true);

    @PersistenceContext
    EntityManager em;

    @Inject
    DirectoryCache cache;

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
    // ---- administration ----------------------------------------------------------------------

    /** Every organization the caller may administer: all with manage_organizations, else its own. */
    public List<OrganizationView> administered(String callerId) {
        User caller = AdminGrants.caller(em, callerId);
        if (AdminGrants.canManageOrganizations(caller)) {
            return em
                    .createQuery("select o from Organization o order by o.position, o.id", Organization.class)
                    .getResultList()
                    .stream()
                    .map(OrganizationView::of)
                    .toList();
        }
        String own = caller.organization().map(Organization::id).orElse(null);
        AdminGrants.require(own != null && AdminGrants.canRead(caller, own), Permissions.MANAGE_ORGANIZATIONS, null);
        return List.of(OrganizationView.of(em.find(Organization.class, own)));
    }

    public OrganizationView administered(String callerId, String id) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(AdminGrants.canRead(caller, id), Permissions.MANAGE_ORGANIZATIONS, id);
        return OrganizationView.of(managed(id));
    }

    public OrganizationView create(String callerId, OrganizationDraft draft) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(AdminGrants.canManageOrganizations(caller), Permissions.MANAGE_ORGANIZATIONS, null);
        new DirectoryRules()
                .id("id", draft.id())
                .name("name", draft.name(), DirectoryRules.NAME_MAX)
                .check();
        String exists = "Organization '" + draft.id() + "' already exists";
        if (em.find(Organization.class, draft.id()) != null) {
            throw new ConflictException(exists);
        }
        Integer last = em.createQuery("select max(o.position) from Organization o", Integer.class)
                .getSingleResult();
        Organization organization =
                new Organization(draft.id(), DirectoryRules.strip(draft.name()), last == null ? 1 : last + 1);
        em.persist(organization);
        Constraints.flushConflicts(em, exists, exists, null);
        cache.evictAll(Organization.class);
        return OrganizationView.of(organization);
    }

    public OrganizationView update(String callerId, String id, OrganizationDraft draft) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(AdminGrants.canManageOrganizations(caller), Permissions.MANAGE_ORGANIZATIONS, id);
        Organization organization = locked(id);
        new DirectoryRules()
                .name("name", draft.name(), DirectoryRules.NAME_MAX)
                .present("revision", draft.revision())
                .check();
        requireRevision("Organization", organization.revision(), draft.revision());
        organization.rename(DirectoryRules.strip(draft.name()));
        Constraints.flushConflicts(em, changed("Organization"), null, null);
        cache.evictAll(Organization.class);
        return OrganizationView.of(organization);
    }

    /** Only an empty organization goes: no facility, role or user of it is left behind. */
    public void delete(String callerId, String id) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(AdminGrants.canManageOrganizations(caller), Permissions.MANAGE_ORGANIZATIONS, id);
        Organization organization = locked(id);
        String inUse = "Organization '" + id + "' still has ";
        if (!organization.facilities().isEmpty()) {
            throw new ConflictException(inUse + "facilities");
        }
        if (!organization.roles().isEmpty()) {
            throw new ConflictException(inUse + "roles");
        }
        if (count("select count(u) from User u where u.organization.id = :id", id) > 0) {
            throw new ConflictException(inUse + "users");
        }
        em.createQuery("select p from Permission p where p.organization.id = :id", Permission.class)
                .setParameter("id", id)
                .getResultList()
                .forEach(em::remove);
        em.remove(organization);
        Constraints.flushConflicts(em, changed("Organization"), null, inUse + "data that refers to it");
        cache.evictAll(Organization.class);
        cache.evictAll(Permission.class);
    }

    /**
     * The organization, managed, for the directory's own writes; unknown is a 404. Public because
     * {@link Facilities} and {@link Roles} call it through the container; never for an adapter.
     */
    public Organization managed(String id) {
        return findOrganization(id).orElseThrow(() -> new UnknownEntityException("Organization"));
    }

    /** The organization's row, locked until the transaction ends: its writes are serialized; see {@link #managed}. */
    public Organization locked(String id) {
        Organization organization = id == null ? null : em.find(Organization.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (organization == null) {
            throw new UnknownEntityException("Organization");
        }
        return organization;
    }

    private long count(String jpql, Object id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }

    /** An update names the revision it read; another administrator's change in between refuses it. */
    static void requireRevision(String entity, long current, long read) {
        if (current != read) {
            throw new ConcurrentChangeException(changed(entity));
        }
    }

    static String changed(String entity) {
        return entity + " was changed by someone else meanwhile; read it again";
    }
}
