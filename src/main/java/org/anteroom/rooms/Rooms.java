package org.anteroom.rooms;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.anteroom.directory.FacilityView;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.Organizations;
import org.anteroom.directory.Permissions;
import org.anteroom.directory.PresenceGrants;
import org.anteroom.directory.User;
import org.anteroom.directory.UserRules;
import org.anteroom.directory.Users;
import org.anteroom.platform.Hints;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;
import org.anteroom.rooms.RoomEvent.Ref;

/**
 * Rooms: as the legacy API sees them (the rooms of a facility, addressed by their code) and as
 * presence sees them (addressed by UUID or shortname, created by users who may, listed for the people
 * approved for them). A legacy facility room is one of the same rooms: its facility's staff are
 * approved for it.
 */
@Stateless
public class Rooms {

    static final int NAME_MAX = 200;
    private static final int SHORTNAME_ATTEMPTS = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    Users users;

    @Inject
    Occupancy occupancy;

    @Inject
    PresenceGrants grants;

    @Inject
    Clock clock;

    /**
     * A new presence room named by the caller, who must hold {@code rooms_create} in this session. The
     * creator is approved for it and placed in it.
     *
     * @param authenticated how the caller's session was opened (the permission depends on it)
     */
    public RoomView create(String callerId, LoginMethod authenticated, String name) {
        User caller = users.locked(callerId);
        if (!grants.permissions(caller, authenticated).contains(Permissions.ROOMS_CREATE)) {
            throw new NotPermittedException("Creating a room needs the rooms_create permission");
        }
        Instant now = clock.instant();
        Room room = Room.presence(UUID.randomUUID().toString(), validName(name), freshShortname(), caller.id(), now);
        em.persist(room);
        // The room row first: the approval and the creator's room_id refer to it, and the provider
        // does not order inserts across entities that are linked only by id columns.
        em.flush();
        em.persist(new RoomApproval(UUID.randomUUID().toString(), room.id(), caller.id(), null, caller.id(), now));
        occupancy.enter(caller, room);
        return withMembers(room);
    }

    /**
     * The rooms the caller is approved for, oldest first, without their members: the presence list
     * takes those from its cache ({@link #members(Collection)}), built once per change of a room.
     *
     * @param createdAfter  epoch milliseconds, or null: only rooms created after it
     * @param modifiedAfter epoch milliseconds, or null: only rooms modified after it
     */
    public List<Ref> approvedFor(String callerId, Long createdAfter, Long modifiedAfter) {
        User caller = users.user(callerId);
        StringBuilder jpql =
                new StringBuilder("select r from Room r where (r.id in (select a.roomId from RoomApproval a"
                        + " where a.userId = :user or a.inviteeEmail = :email)");
        if (caller.staffFacility().isPresent()) {
            jpql.append(" or r.facility = :facility");
        }
        jpql.append(")");
        if (createdAfter != null) {
            jpql.append(" and r.created > :created");
        }
        if (modifiedAfter != null) {
            jpql.append(" and r.modified > :modified");
        }
        jpql.append(" order by r.created, r.id");
        TypedQuery<Room> query = em.createQuery(jpql.toString(), Room.class)
                .setParameter("user", caller.id())
                .setParameter("email", emailKeyOrNothing(caller));
        caller.staffFacility().ifPresent(facility -> query.setParameter("facility", facility));
        if (createdAfter != null) {
            query.setParameter("created", Instant.ofEpochMilli(createdAfter));
        }
        if (modifiedAfter != null) {
            query.setParameter("modified", Instant.ofEpochMilli(modifiedAfter));
        }
        return query.setHint(Hints.READ_ONLY, true).getResultList().stream()
                .map(Ref::of)
                .toList();
    }

    /**
     * The people in each of these rooms now, as committed, by room id (every asked-for room has an
     * entry). Asked for by no one but the cache of the presence rooms list, which evicts a room on
     * every change of its members (the room events) or of one of them (directory's {@code UserChanged}).
     */
    public Map<String, List<Member>> members(Collection<String> roomIds) {
        Map<String, List<Member>> members = new LinkedHashMap<>();
        occupancy.members(roomIds, true).forEach((room, users) -> members.put(room, snapshot(users)));
        return members;
    }

    /** One room by UUID or shortname; its members only for a caller approved for it. */
    public RoomView view(String callerId, String key) {
        Room room = find(key);
        if (!approved(users.user(callerId), room)) {
            return RoomView.of(room, null);
        }
        return RoomView.of(
                room, snapshot(occupancy.members(List.of(room.id()), true).get(room.id())));
    }

    /** A room by UUID or shortname ({@code ^[a-z-]+$}); anything else is an unknown room. */
    public Room find(String key) {
        String canonical = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        Room room = null;
        if (UserRules.validUuid(canonical)) {
            room = em.find(Room.class, canonical);
        } else if (key != null && Shortnames.looksLikeShortname(key)) {
            room = em.createQuery("select r from Room r where r.shortname = :shortname", Room.class)
                    .setParameter("shortname", key)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
        }
        if (room == null) {
            throw new UnknownEntityException("Room");
        }
        return room;
    }

    /** Approved: an approval for the user or its address (an invitation), or ACTIVE staff of the room's facility. */
    public boolean approved(User user, Room room) {
        if (room.facility() != null
                && user.staffFacility()
                        .map(f -> f.id().equals(room.facility().id()))
                        .orElse(false)) {
            return true;
        }
        return !em.createQuery(
                        "select a.id from RoomApproval a where a.roomId = :room"
                                + " and (a.userId = :user or a.inviteeEmail = :email)",
                        String.class)
                .setParameter("room", room.id())
                .setParameter("user", user.id())
                .setParameter("email", emailKeyOrNothing(user))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The room with everyone in it now, as this transaction sees it. */
    public RoomView withMembers(Room room) {
        return RoomView.of(
                room, snapshot(occupancy.members(List.of(room.id()), false).get(room.id())));
    }

    private static List<Member> snapshot(List<User> users) {
        return users.stream().map(Member::of).toList();
    }

    /** The email key to match invitations with; a user without a proven address matches none. */
    static String emailKeyOrNothing(User user) {
        return user.provenEmailKey().orElse("");
    }

    static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.length() < 2) {
            throw new InvalidInputException("name must have at least 2 characters");
        }
        if (trimmed.length() > NAME_MAX) {
            throw new InvalidInputException("name may have at most " + NAME_MAX + " characters");
        }
        if (trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0) {
            throw new InvalidInputException("name may not contain '-' or '_'");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name may not contain control characters");
        }
        return trimmed;
    }

    private String freshShortname() {
        for (int attempt = 0; attempt < SHORTNAME_ATTEMPTS; attempt++) {
            String candidate = Shortnames.next();
            if (em.createQuery("select r.id from Room r where r.shortname = :s", String.class)
                    .setParameter("s", candidate)
                    .getResultList()
                    .isEmpty()) {
                return candidate;
            }
        }
        // 2^48 names: reaching this means the random source is broken, not that names ran out.
        throw new IllegalStateException("No free room shortname after " + SHORTNAME_ATTEMPTS + " attempts");
    }

    /** The rooms of a facility as the legacy API lists them, in code order. */
    public List<FacilityRoom> ofFacility(String organizationId, String facilityId) {
        FacilityView facility = organizations.facility(organizationId, facilityId);
        return em
                .createQuery("select r from Room r where r.facility.id = :facility order by r.code", Room.class)
                .setParameter("facility", facility.id())
                .getResultList()
                .stream()
                .map(room -> FacilityRoom.of(room, facility.id()))
                .toList();
    }

    public FacilityRoom ofFacility(String organizationId, String facilityId, String code) {
        FacilityView facility = organizations.facility(organizationId, facilityId);
        List<Room> found = em.createQuery(
                        "select r from Room r where r.facility.id = :facility and r.code = :code", Room.class)
                .setParameter("facility", facility.id())
                .setParameter("code", code)
                .getResultList();
        if (found.isEmpty()) {
            throw new UnknownEntityException("Room");
        }
        return FacilityRoom.of(found.get(0), facility.id());
    }

    /**
     * Forgets every room approval of a user (presence {@code DELETE /user}), including those an
     * invitation left for the user's proven email address: every room will ask for approval again.
     */
    public int forgetApprovals(String userId) {
        String emailKey = users.user(userId).provenEmailKey().orElse(null);
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
