package org.anteroom.directory;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.DirectoryDrafts.FacilityDraft;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.Constraints;
import org.anteroom.platform.UnknownEntityException;

/**
 * The facilities of an organization as administrators write them (manage_facilities, {@link
 * AdminGrants}); the legacy screens read them through {@link Organizations}. A facility of another
 * organization is unknown under this one.
 */
@Stateless
public class Facilities {

    @PersistenceContext
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    DirectoryCache cache;

    public List<FacilityView> list(String callerId, String organizationId) {
        readable(callerId, organizationId);
        return organizations.managed(organizationId).facilities().stream()
                .map(FacilityView::of)
                .toList();
    }

    public FacilityView read(String callerId, String organizationId, String facilityId) {
        readable(callerId, organizationId);
        organizations.managed(organizationId);
        return FacilityView.of(of(organizationId, facilityId, LockModeType.NONE));
    }

    /** Also checks, for the rooms domain, that the caller may administer this facility's rooms. */
    public FacilityView forRooms(String callerId, String organizationId, String facilityId, boolean write) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(
                write
                        ? AdminGrants.canManage(caller, Permissions.MANAGE_ROOMS, organizationId)
                        : AdminGrants.canRead(caller, organizationId),
                Permissions.MANAGE_ROOMS,
                organizationId);
        organizations.managed(organizationId);
        return FacilityView.of(of(organizationId, facilityId, LockModeType.NONE));
    }

    public FacilityView create(String callerId, String organizationId, FacilityDraft draft) {
        writable(callerId, organizationId);
        Organization organization = organizations.locked(organizationId);
        new DirectoryRules()
                .id("id", draft.id())
                .name("name", draft.name(), DirectoryRules.NAME_MAX)
                .check();
        String exists = "Facility '" + draft.id() + "' already exists";
        if (em.find(Facility.class, draft.id()) != null) {
            throw new ConflictException(exists);
        }
        int last = organization.facilities().stream()
                .mapToInt(Facility::position)
                .max()
                .orElse(0);
        Facility facility = new Facility(
                draft.id(),
                organization,
                DirectoryRules.strip(draft.name()),
                last + 1,
                flag(draft.nfcEnabled()),
                flag(draft.nfcSelfModificationEnabled()),
                flag(draft.barCodeEnabled()));
        em.persist(facility);
        Constraints.flushConflicts(em, exists, exists, null);
        cache.evict(Organization.class, organizationId);
        return FacilityView.of(facility);
    }

    /** Every field is replaced: name, the three flags, each required, and the revision read. */
    public FacilityView update(String callerId, String organizationId, String facilityId, FacilityDraft draft) {
        writable(callerId, organizationId);
        organizations.managed(organizationId);
        Facility facility = of(organizationId, facilityId, LockModeType.PESSIMISTIC_WRITE);
        new DirectoryRules()
                .name("name", draft.name(), DirectoryRules.NAME_MAX)
                .present("nfcEnabled", draft.nfcEnabled())
                .present("nfcSelfModificationEnabled", draft.nfcSelfModificationEnabled())
                .present("barCodeEnabled", draft.barCodeEnabled())
                .present("revision", draft.revision())
                .check();
        Organizations.requireRevision("Facility", facility.revision(), draft.revision());
        facility.change(
                DirectoryRules.strip(draft.name()),
                draft.nfcEnabled(),
                draft.nfcSelfModificationEnabled(),
                draft.barCodeEnabled());
        Constraints.flushConflicts(em, Organizations.changed("Facility"), null, null);
        cache.evict(Facility.class, facilityId);
        cache.evict(Organization.class, organizationId);
        return FacilityView.of(facility);
    }

    /**
     * Only a facility nobody is placed in and with no rooms goes. The rooms are the rooms domain's, which
     * the directory does not know: the database's reference from each room refuses the delete.
     */
    public void delete(String callerId, String organizationId, String facilityId) {
        writable(callerId, organizationId);
        Organization organization = organizations.locked(organizationId);
        Facility facility = of(organizationId, facilityId, LockModeType.PESSIMISTIC_WRITE);
        String inUse = "Facility '" + facilityId + "' still has ";
        if (count("select count(u) from User u where u.facility.id = :id", facilityId) > 0) {
            throw new ConflictException(inUse + "users");
        }
        organization.facilities().remove(facility);
        em.remove(facility);
        Constraints.flushConflicts(em, Organizations.changed("Facility"), null, inUse + "rooms");
        cache.evict(Facility.class, facilityId);
        cache.evict(Organization.class, organizationId);
    }

    private Facility of(String organizationId, String facilityId, LockModeType lock) {
        Facility facility = facilityId == null ? null : em.find(Facility.class, facilityId, lock);
        if (facility == null || !facility.organization().id().equals(organizationId)) {
            throw new UnknownEntityException("Facility");
        }
        return facility;
    }

    private void readable(String callerId, String organizationId) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(AdminGrants.canRead(caller, organizationId), Permissions.MANAGE_FACILITIES, organizationId);
    }

    private void writable(String callerId, String organizationId) {
        User caller = AdminGrants.caller(em, callerId);
        AdminGrants.require(
                AdminGrants.canManage(caller, Permissions.MANAGE_FACILITIES, organizationId),
                Permissions.MANAGE_FACILITIES,
                organizationId);
    }

    private static boolean flag(Boolean given) {
        return given != null && given;
    }

    private long count(String jpql, Object id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }
}
