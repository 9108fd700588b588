package org.anteroom.rooms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.User;
import org.anteroom.directory.UserRules;
import org.anteroom.directory.Users;
import org.anteroom.mail.Mail;
import org.anteroom.mail.Mailer;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.rooms.RoomEvent.Invited;
import org.anteroom.rooms.RoomEvent.Ref;

/**
 * Invitations: someone in a room pre-approves an email address for it (the person may never have
 * logged in yet) and may have a link to the room mailed. The invitation is pending until that person
 * enters the room.
 */
@Stateless
public class Invitations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Mailer mailer;

    @Inject
    Event<RoomEvent> events;

    @Inject
    Clock clock;

    /** A pending invitation with the room it is for and the user who sent it, as plain values. */
    public record Pending(
            String id,
            String inviteeEmail,
            Instant invitedDate,
            Instant created,
            Instant modified,
            Ref room,
            Inviter invitedBy) {

        static Pending of(Invitation invitation, Room room, User invitedBy) {
            return new Pending(
                    invitation.id(),
                    invitation.inviteeEmail(),
                    invitation.invitedDate(),
                    invitation.created(),
                    invitation.modified(),
                    Ref.of(room),
                    new Inviter(
                            invitedBy.id(), invitedBy.uuid().orElse(null), invitedBy.displayName(), invitedBy.email()));
        }
    }

    /** Who sent an invitation; {@code uuid} (the presence identity) may be null. */
    public record Inviter(String userId, String uuid, String name, String email) {}

    /**
     * Invites the address into the sender's current room. The approval, the invitation and the mail
     * succeed or fail together: a mail that cannot be sent leaves nothing behind.
     *
     * @param claimedUuid the sender's uuid as the request states it; it must be the caller's own
     * @param linkBase    the web app's base URL, for the link in the mail
     */
    public void invite(String senderId, String claimedUuid, String email, boolean sendEmail, String linkBase) {
        User sender = users.user(senderId);
        if (claimedUuid == null) {
            throw new InvalidInputException("uuid is required");
        }
        if (!claimedUuid.toLowerCase(Locale.ROOT).equals(sender.uuid().orElse(null))) {
            throw new NotPermittedException("uuid must be your own");
        }
        if (email == null || !UserRules.validEmail(email.trim())) {
            throw new InvalidInputException("emailAddress must be an email address");
        }
        String address = email.trim();
        String key = User.emailKey(address);
        if (key.equals(User.emailKey(sender.email()))) {
            throw new InvalidInputException("You cannot invite yourself");
        }
        String roomId =
                sender.roomId().orElseThrow(() -> new ConflictException("You must be in a room to invite someone"));
        // One inviter at a time per room, so racing invitations of one address leave one approval and one card.
        Room room = em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        boolean approved = !em.createQuery(
                        "select a.id from RoomApproval a where a.roomId = :room and a.inviteeEmail = :email",
                        String.class)
                .setParameter("room", room.id())
                .setParameter("email", key)
                .getResultList()
                .isEmpty();
        if (!approved) {
            em.persist(new RoomApproval(UUID.randomUUID().toString(), room.id(), null, key, sender.id(), now));
        }
        Invitation invitation = em.createQuery(
                        "select i from Invitation i where i.roomId = :room and i.inviteeKey = :email", Invitation.class)
                .setParameter("room", room.id())
                .setParameter("email", key)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (invitation == null) {
            em.persist(new Invitation(UUID.randomUUID().toString(), room.id(), address, key, sender.id(), now));
        } else {
            invitation.renew(address, sender.id(), now);
        }
        if (sendEmail) {
            mailer.send(new Mail(
                    address,
                    "You are invited to " + room.name(),
                    sender.displayName() + " invited you to the room \"" + room.name() + "\".\n\n"
                            + "Join it here: " + link(linkBase, room) + "\n\n"
                            + "You will not need anyone's approval to enter.\n"));
        }
        // Only the address's proven holder hears of it; an unproven claim of the address gets nothing.
        String inviteeId =
                users.byEmail(address).filter(User::emailProven).map(User::id).orElse(null);
        events.fire(new Invited(Ref.of(room), inviteeId, address, Member.of(sender), now));
    }

    /** The caller's pending invitations, newest first. */
    public List<Pending> pendingFor(String callerId) {
        User caller = users.user(callerId);
        String key = caller.provenEmailKey().orElse(null);
        if (key == null) {
            return List.of();
        }
        List<Invitation> invitations = em.createQuery(
                        "select i from Invitation i where i.inviteeKey = :email"
                                + " and i.consumed = false order by i.invitedDate desc, i.id",
                        Invitation.class)
                .setParameter("email", key)
                .getResultList();
        if (invitations.isEmpty()) {
            return List.of();
        }
        Map<String, Room> rooms = em.createQuery("select r from Room r where r.id in :ids", Room.class)
                .setParameter(
                        "ids",
                        invitations.stream().map(Invitation::roomId).distinct().toList())
                .getResultStream()
                .collect(Collectors.toMap(Room::id, Function.identity()));
        return invitations.stream()
                .map(i -> Pending.of(i, rooms.get(i.roomId()), users.user(i.invitedBy())))
                .toList();
    }

    /** The link a mail carries: the web app's room page, addressed by the room's shortname. */
    static String link(String base, Room room) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/rooms/" + room.shortname();
    }
}
