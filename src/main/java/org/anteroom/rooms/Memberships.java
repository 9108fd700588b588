package org.anteroom.rooms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.Permissions;
import org.anteroom.directory.PresenceGrants;
import org.anteroom.directory.User;
import org.anteroom.directory.UserRules;
import org.anteroom.directory.Users;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;
import org.anteroom.rooms.RoomEvent.Approved;
import org.anteroom.rooms.RoomEvent.Departure;
import org.anteroom.rooms.RoomEvent.JoinRequested;
import org.anteroom.rooms.RoomEvent.Kicked;
import org.anteroom.rooms.RoomEvent.Ref;

/**
 * Getting into and out of rooms: asking to join, being approved by someone inside, leaving, being
 * kicked. Each operation locks the row of the user who moves, so one user's moves never interleave
 * and two people approving the same request at once leave one approval.
 */
@Stateless
public class Memberships {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Rooms rooms;

    @Inject
    Occupancy occupancy;

    @Inject
    PresenceGrants grants;

    @Inject
    Event<RoomEvent> events;

    @Inject
    Clock clock;

    /** What asking to join came to: in the room now, or waiting for someone inside to approve. */
    public record Joining(boolean joined, RoomView room) {}

    /**
     * An approved (or invited) caller enters at once; anyone else gets a pending request, and the
     * room is told someone is waiting.
     */
    public Joining join(String callerId, String roomKey) {
        User caller = users.locked(callerId);
        Room room = rooms.find(roomKey);
        if (room.id().equals(caller.roomId().orElse(null)) || rooms.approved(caller, room)) {
            occupancy.enter(caller, room);
            return new Joining(true, rooms.withMembers(room));
        }
        Instant now = clock.instant();
        pendingRequest(room.id(), caller.id())
                .ifPresentOrElse(
                        request -> request.renew(now),
                        () -> em.persist(new JoinRequest(UUID.randomUUID().toString(), room.id(), caller.id(), now)));
        events.fire(new JoinRequested(Ref.of(room), Member.of(caller)));
        return new Joining(false, RoomView.of(room, null));
    }

    /**
     * Lets a waiting user into the room the approver is in. The approval is recorded (no approval is
     * needed next time) and the user is moved into the room. Approving someone who is already in the
     * approver's room (another member was quicker) changes nothing.
     */
    public void approve(String approverId, String userUuid) {
        String uuid = userUuid == null ? null : userUuid.toLowerCase(Locale.ROOT);
        if (!UserRules.validUuid(uuid)) {
            throw new InvalidInputException("uuid must be a UUID");
        }
        User target = users.locked(users.byUuid(uuid).orElseThrow(() -> new UnknownEntityException("User")));
        User approver = users.user(approverId);
        String roomId = approver.roomId().orElse(null);
        if (roomId != null && roomId.equals(target.roomId().orElse(null))) {
            return;
        }
        List<JoinRequest> pending = em.createQuery(
                        "select j from JoinRequest j where j.userId = :user", JoinRequest.class)
                .setParameter("user", target.id())
                .getResultList();
        if (pending.isEmpty()) {
            throw new UnknownEntityException("join request");
        }
        JoinRequest request = pending.stream()
                .filter(j -> j.roomId().equals(roomId))
                .findFirst()
                .orElseThrow(() -> new NotPermittedException("Only someone in the room can approve who enters it"));
        Room room = em.find(Room.class, request.roomId());
        if (!hasApproval(room.id(), target.id())) {
            em.persist(new RoomApproval(
                    UUID.randomUUID().toString(), room.id(), target.id(), null, approver.id(), clock.instant()));
        }
        em.remove(request);
        events.fire(new Approved(Ref.of(room), Member.of(target), Member.of(approver)));
        occupancy.enter(target, room);
    }

    /** Leaves the room, or stops waiting to enter it. */
    public void leave(String callerId, String roomKey) {
        User caller = users.locked(callerId);
        Room room = rooms.find(roomKey);
        if (room.id().equals(caller.roomId().orElse(null))) {
            occupancy.leave(caller, Departure.LEFT);
            return;
        }
        JoinRequest request = pendingRequest(room.id(), caller.id())
                .orElseThrow(() -> new ConflictException("You are not in this room"));
        em.remove(request);
    }

    /** Leaves whatever room the caller is in and stops every wait: the caller is nowhere now. */
    public void disconnect(String callerId) {
        User caller = users.locked(callerId);
        occupancy.leave(caller, Departure.DISCONNECTED);
        em.createQuery("delete from JoinRequest j where j.userId = :user")
                .setParameter("user", caller.id())
                .executeUpdate();
    }

    /**
     * Removes a member from the room the kicker is in and revokes the member's approval for it
     * (including one an invitation of its address gave), so coming back needs a new approval.
     *
     * @param authenticated how the kicker's session was opened ({@code room_kick} depends on it)
     */
    public void kick(String kickerId, LoginMethod authenticated, String roomKey, String memberUuid) {
        User kicker = users.user(kickerId);
        if (!grants.permissions(kicker, authenticated).contains(Permissions.ROOM_KICK)) {
            throw new NotPermittedException("Removing someone from a room needs the room_kick permission");
        }
        Room room = rooms.find(roomKey);
        if (!room.id().equals(kicker.roomId().orElse(null))) {
            throw new NotPermittedException("Only someone in the room can remove a member from it");
        }
        String uuid = memberUuid == null ? null : memberUuid.toLowerCase(Locale.ROOT);
        if (!UserRules.validUuid(uuid)) {
            throw new InvalidInputException("uuid must be a UUID");
        }
        User target = users.byUuid(uuid).orElseThrow(() -> new UnknownEntityException("User"));
        if (target.id().equals(kicker.id())) {
            throw new InvalidInputException("Use leave to go out of a room yourself");
        }
        target = users.locked(target);
        if (!room.id().equals(target.roomId().orElse(null))) {
            throw new ConflictException("That user is not in this room");
        }
        em.createQuery(
                        "delete from RoomApproval a where a.roomId = :room and (a.userId = :user or a.inviteeEmail = :email)")
                .setParameter("room", room.id())
                .setParameter("user", target.id())
                .setParameter("email", Rooms.emailKeyOrNothing(target))
                .executeUpdate();
        events.fire(new Kicked(Ref.of(room), Member.of(target), Member.of(kicker)));
        occupancy.leave(target, Departure.KICKED);
    }

    private java.util.Optional<JoinRequest> pendingRequest(String roomId, String userId) {
        return em.createQuery(
                        "select j from JoinRequest j where j.roomId = :room and j.userId = :user", JoinRequest.class)
                .setParameter("room", roomId)
                .setParameter("user", userId)
                .getResultStream()
                .findFirst();
    }

    private boolean hasApproval(String roomId, String userId) {
        return !em.createQuery(
                        "select a.id from RoomApproval a where a.roomId = :room and a.userId = :user", String.class)
                .setParameter("room", roomId)
                .setParameter("user", userId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
