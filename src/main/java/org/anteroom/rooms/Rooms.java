package org.anteroom.rooms;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.Facility;
import org.anteroom.directory.Organizations;
import org.anteroom.platform.UnknownEntityException;

/**
 * Rooms: as the legacy API sees them (the rooms of a facility, addressed by their code) and the
 * approvals that let presence users in.
 */
@Stateless
public class Rooms {

    @PersistenceContext
    EntityManager em;

    @Inject
    Organizations organizations;

    public List<Room> ofFacility(String organizationId, String facilityId) {
        Facility facility = organizations.facility(organizationId, facilityId);
        return em.createQuery("select r from Room r where r.facility = :facility order by r.code", Room.class)
                .setParameter("facility", facility)
                .getResultList();
    }

    public Room ofFacility(String organizationId, String facilityId, String code) {
        Facility facility = organizations.facility(organizationId, facilityId);
        List<Room> found = em.createQuery("select r from Room r where r.facility = :facility and r.code = :code", Room.class)
                .setParameter("facility", facility)
                .setParameter("code", code)
                .getResultList();
        if (found.isEmpty()) {
            throw new UnknownEntityException("Room");
        }
        return found.get(0);
    }

    /**
     * Forgets every room approval of a user (presence {@code DELETE /user}), including those an
     * invitation left for the user's email address: every room will ask for approval again.
     */
    public int forgetApprovals(String userId, String emailKey) {
        int removed = em.createQuery("delete from RoomApproval a where a.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
        if (emailKey != null) {
            removed += em.createQuery("delete from RoomApproval a where a.inviteeEmail = :email")
                    .setParameter("email", emailKey)
                    .executeUpdate();
        }
        return removed;
    }
}
