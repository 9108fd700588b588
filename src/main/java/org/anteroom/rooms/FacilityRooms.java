package org.anteroom.rooms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.Facilities;
import org.anteroom.directory.FacilityView;
import org.anteroom.directory.Organizations;
import org.anteroom.platform.ConcurrentChangeException;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.Constraints;
import org.anteroom.platform.Constraints.Unique;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.UnknownEntityException;

/**
 * The rooms of a facility as administrators write them (manage_rooms within the facility's
 * organization; {@link Facilities#forRooms} checks it). They are the rooms the legacy API lists for
 * the facility ({@link Rooms#ofFacility}), named by their code there, and presence rooms too: each
 * gets a shortname at creation.
 */
@Stateless
public class FacilityRooms {

    private static final int CODE_MAX = 64;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1," + CODE_MAX + "}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Facilities facilities;

    @Inject
    Organizations organizations;

    @Inject
    Clock clock;

    public List<FacilityRoom> list(String callerId, String organizationId, String facilityId) {
        FacilityView facility = facilities.forRooms(callerId, organizationId, facilityId, false);
        return em
                .createQuery("select r from Room r where r.facility.id = :facility order by r.code", Room.class)
                .setParameter("facility", facility.id())
                .getResultList()
                .stream()
                .map(room -> FacilityRoom.of(room, facility.id()))
                .toList();
    }

    public FacilityRoom read(String callerId, String organizationId, String facilityId, String code) {
        FacilityView facility = facilities.forRooms(callerId, organizationId, facilityId, false);
        return FacilityRoom.of(room(facility.id(), code, LockModeType.NONE), facility.id());
    }

    public FacilityRoom create(String callerId, String organizationId, String facilityId, String code, String name) {
        FacilityView facility = facilities.forRooms(callerId, organizationId, facilityId, true);
        List<String> problems = new ArrayList<>();
        if (code == null || code.isEmpty()) {
            problems.add("code is required");
        } else if (!CODE.matcher(code).matches()) {
            problems.add("code must be 1 to " + CODE_MAX + " letters, digits, '.', '_' or '-'");
        }
        name(name, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String exists = "Room '" + code + "' already exists in facility " + facility.id();
        if (!em.createQuery("select r.id from Room r where r.facility.id = :facility and r.code = :code")
                .setParameter("facility", facility.id())
                .setParameter("code", code)
                .getResultList()
                .isEmpty()) {
            throw new ConflictException(exists);
        }
        Room room = new Room(
                UUID.randomUUID().toString(),
                organizations.findFacility(facility.id()).orElseThrow(),
                code,
                name.strip(),
                clock.instant());
        room.giveShortname(freeShortname());
        em.persist(room);
        Constraints.flushConflicts(
                em,
                exists,
                "Another room was created at the same moment; try again",
                null,
                new Unique("room_code", exists));
        return FacilityRoom.of(room, facility.id());
    }

    public FacilityRoom rename(
            String callerId, String organizationId, String facilityId, String code, String name, Long revision) {
        FacilityView facility = facilities.forRooms(callerId, organizationId, facilityId, true);
        Room room = room(facility.id(), code, LockModeType.PESSIMISTIC_WRITE);
        List<String> problems = new ArrayList<>();
        name(name, problems);
        if (revision == null) {
            problems.add("revision is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String changed = "Room was changed by someone else meanwhile; read it again";
        if (room.revision() != revision) {
            throw new ConcurrentChangeException(changed);
        }
        room.rename(name.strip(), clock.instant());
        Constraints.flushConflicts(em, changed, null, null);
        return FacilityRoom.of(room, facility.id());
    }

    /**
     * Only a room nobody is in, and that nothing refers to (approvals, join requests, invitations, its
     * chat, made when the first person entered): a used room's history stays.
     */
    public void delete(String callerId, String organizationId, String facilityId, String code) {
        FacilityView facility = facilities.forRooms(callerId, organizationId, facilityId, true);
        Room room = room(facility.id(), code, LockModeType.PESSIMISTIC_WRITE);
        Long inside = em.createQuery("select count(u) from User u where u.roomId = :room", Long.class)
                .setParameter("room", room.id())
                .getSingleResult();
        if (inside > 0) {
            throw new ConflictException("Room '" + code + "' is occupied");
        }
        em.remove(room);
        Constraints.flushConflicts(
                em,
                "Room was changed by someone else meanwhile; read it again",
                null,
                "Room '" + code + "' has been used: approvals, invitations or its chat refer to it");
    }

    private Room room(String facilityId, String code, LockModeType lock) {
        List<String> ids = em.createQuery(
                        "select r.id from Room r where r.facility.id = :facility and r.code = :code", String.class)
                .setParameter("facility", facilityId)
                .setParameter("code", code)
                .getResultList();
        Room room = ids.isEmpty() ? null : em.find(Room.class, ids.get(0), lock);
        if (room == null) {
            throw new UnknownEntityException("Room");
        }
        return room;
    }

    /** A shortname nobody holds; with 2^48 of them a second draw is all but never needed. */
    private String freeShortname() {
        while (true) {
            String candidate = Shortnames.next();
            if (em.createQuery("select r.id from Room r where r.shortname = :s", String.class)
                    .setParameter("s", candidate)
                    .getResultList()
                    .isEmpty()) {
                return candidate;
            }
        }
    }

    private static void name(String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("name is required");
        } else if (name.strip().length() > Rooms.NAME_MAX) {
            problems.add("name may have at most " + Rooms.NAME_MAX + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add("name may not contain control characters");
        }
    }
}
