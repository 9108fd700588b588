package org.anteroom.rooms;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.User;
import org.anteroom.platform.Hints;
import org.anteroom.rooms.RoomEvent.Departure;
import org.anteroom.rooms.RoomEvent.MemberJoined;
import org.anteroom.rooms.RoomEvent.MemberLeft;
import org.anteroom.rooms.RoomEvent.Ref;

/**
 * Who is in which room right now, and the one way anyone enters or leaves one. Runs inside the
 * calling facade's transaction; the caller holds the user's row lock, so a user's moves are serial.
 */
@ApplicationScoped
class Occupancy {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<RoomEvent> events;

    @Inject
    Clock clock;

    /**
     * Puts the user into the room (out of any other one first). Entering settles the user's pending
     * join requests and the invitations of the user's address into this room.
     *
     * @return false when the user already was in the room
     */
    boolean enter(User user, Room room) {
        if (room.id().equals(user.roomId().orElse(null))) {
            return false;
        }
        leave(user, Departure.MOVED);
        Instant now = clock.instant();
        user.enterRoom(room.id());
        room.touch(now);
        em.createQuery("delete from JoinRequest j where j.userId = :user")
                .setParameter("user", user.id())
                .executeUpdate();
        String emailKey = user.provenEmailKey().orElse(null);
        if (emailKey != null) {
            em.createQuery(
                            "select i from Invitation i where i.roomId = :room and i.inviteeKey = :email and i.consumed = false",
                            Invitation.class)
                    .setParameter("room", room.id())
                    .setParameter("email", emailKey)
                    .getResultList()
                    .forEach(invitation -> invitation.consume(now));
        }
        events.fire(new MemberJoined(Ref.of(room), Member.of(user)));
        return true;
    }

    /** Takes the user out of the room it is in, if any, and tells that room why. */
    boolean leave(User user, Departure why) {
        String roomId = user.roomId().orElse(null);
        if (roomId == null) {
            return false;
        }
        Room room = em.find(Room.class, roomId);
        Member before = Member.of(user);
        user.enterRoom(null);
        room.touch(clock.instant());
        events.fire(new MemberLeft(Ref.of(room), before, why));
        return true;
    }

    /**
     * The users currently in each of the rooms, by room id; every asked-for room has an entry.
     *
     * @param readOnly the shared-cache instances, not copies: only for requests that change nothing
     *                 (a transaction that moved someone must see its own, uncommitted users)
     */
    Map<String, List<User>> members(Collection<String> roomIds, boolean readOnly) {
        Map<String, List<User>> members = new LinkedHashMap<>();
        roomIds.forEach(id -> members.put(id, new java.util.ArrayList<>()));
        if (roomIds.isEmpty()) {
            return members;
        }
        em.createQuery("select u from User u where u.roomId in :rooms order by u.created, u.id", User.class)
                .setParameter("rooms", roomIds)
                .setHint(Hints.READ_ONLY, readOnly)
                .getResultList()
                // A shared-cache instance may already show a move that committed after the query
                // read its row (a 500 under load in session 7's profile): it is in no asked room now.
                .forEach(user -> user.roomId().map(members::get).ifPresent(list -> list.add(user)));
        return members;
    }
}
