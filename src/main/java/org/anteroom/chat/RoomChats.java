package org.anteroom.chat;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.chat.ChatEvent.ParticipantAdded;
import org.anteroom.chat.Views.MessageView;
import org.anteroom.directory.User;
import org.anteroom.directory.UserStatus;
import org.anteroom.directory.Users;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;
import org.anteroom.rooms.Member;
import org.anteroom.rooms.Room;
import org.anteroom.rooms.RoomEvent;
import org.anteroom.rooms.RoomEvent.Kicked;
import org.anteroom.rooms.RoomEvent.MemberJoined;
import org.anteroom.rooms.RoomEvent.MemberLeft;
import org.anteroom.rooms.Rooms;

/**
 * Every room's group chat (its id is the room's id). Its participants follow the room: whoever enters
 * the room joins the chat, whoever leaves or is kicked leaves it — inside the transaction that moved
 * them, so the chat never disagrees with the room. Bots are brought in by someone in the room and
 * leave with that member when it is kicked (a kick must not leave its listeners behind); people in
 * the room read and post through the presence API.
 */
@Stateless
public class RoomChats {

    @PersistenceContext
    EntityManager em;

    @Inject
    Messages messages;

    @Inject
    ChatLedger ledger;

    @Inject
    Rooms rooms;

    @Inject
    Users users;

    @Inject
    Event<ChatEvent> events;

    @Inject
    Clock clock;

    public void follow(@Observes RoomEvent event) {
        if (event instanceof MemberJoined joined) {
            Room room = em.find(Room.class, joined.room().id());
            Chat chat = chatOf(room);
            User user = user(joined.member());
            if (ledger.participant(chat.id(), user.id()).isEmpty()) {
                ledger.join(chat, user.id(), ChatRole.USER, 0);
                Author author = Author.of(user);
                // The newcomer is told too: its own bot connections learn of the chat at once.
                events.fire(new ParticipantAdded(
                        chat.id(), author, author, clock.instant(), ledger.others(chat.id(), null)));
            }
        } else if (event instanceof Kicked kicked) {
            Author kicker = Author.of(user(kicked.kickedBy()));
            leave(kicked.room().id(), kicked.member(), kicker);
            botsOf(kicked.room().id(), kicked.member(), kicker);
        } else if (event instanceof MemberLeft left) {
            User user = user(left.member());
            leave(left.room().id(), left.member(), Author.of(user));
        }
    }

    /** The room's messages, for someone in the room: {@code count} before {@code before}, oldest first. */
    public List<MessageView> messages(String callerId, String roomKey, int count, String before) {
        return messages.history(callerId, inRoom(callerId, roomKey).id(), count, before);
    }

    public MessageView post(String callerId, String roomKey, String text, String parseMode) {
        return messages.send(callerId, inRoom(callerId, roomKey).id(), text, parseMode, null);
    }

    /** Someone in the room brings a bot (any active user, by its login) into the room's chat. */
    public void addBot(String callerId, String roomKey, String login) {
        Chat chat = inRoom(callerId, roomKey);
        User bot = login == null ? null : users.byChatLogin(login.strip()).orElse(null);
        if (bot == null || bot.status() != UserStatus.ACTIVE) {
            throw new UnknownEntityException("User");
        }
        ledger.lock(chat);
        if (ledger.participant(chat.id(), bot.id()).isPresent()) {
            throw new AlreadyParticipantException();
        }
        ledger.join(chat, bot.id(), ChatRole.USER, 0, callerId);
        events.fire(new ParticipantAdded(
                chat.id(),
                Author.of(bot),
                ledger.author(callerId),
                clock.instant(),
                ledger.others(chat.id(), callerId)));
    }

    /** Someone in the room sends a bot out of the room's chat; people leave by leaving the room. */
    public void removeBot(String callerId, String roomKey, String login) {
        Chat chat = inRoom(callerId, roomKey);
        User bot = login == null ? null : users.byChatLogin(login.strip()).orElse(null);
        Participant target =
                bot == null ? null : ledger.participant(chat.id(), bot.id()).orElse(null);
        if (target == null) {
            throw new UnknownEntityException("Participant");
        }
        if (bot.roomId().filter(chat.id()::equals).isPresent()) {
            throw new NotPermittedException("That user is in the room; kick it instead");
        }
        ledger.leave(chat, target, ledger.author(callerId), callerId);
    }

    private void leave(String roomId, Member member, Author removedBy) {
        Chat chat = em.find(Chat.class, roomId);
        Participant participant = chat == null
                ? null
                : ledger.participant(chat.id(), member.userId()).orElse(null);
        if (participant != null) {
            ledger.leave(chat, participant, removedBy, null);
        }
    }

    /**
     * The bots a kicked member brought leave with it (not one that has entered the room itself since);
     * everyone left in the chat, and each bot, is told.
     */
    private void botsOf(String roomId, Member member, Author removedBy) {
        Chat chat = em.find(Chat.class, roomId);
        if (chat != null) {
            ledger.lock(chat);
            ledger.broughtBy(chat.id(), member.userId()).stream()
                    .filter(bot -> users.user(bot.userId())
                            .roomId()
                            .filter(roomId::equals)
                            .isEmpty())
                    .forEach(bot -> ledger.leave(chat, bot, removedBy, null));
        }
    }

    private Chat inRoom(String callerId, String roomKey) {
        Room room = rooms.find(roomKey);
        if (!room.id().equals(users.user(callerId).roomId().orElse(null))) {
            throw new NotPermittedException("Only someone in the room can do this");
        }
        return chatOf(room);
    }

    /** The room's chat, created on first use under the room's row lock so two first members make one. */
    private Chat chatOf(Room room) {
        Chat chat = em.find(Chat.class, room.id());
        if (chat != null) {
            return chat;
        }
        em.createNativeQuery("SELECT id FROM room WHERE id = ? FOR UPDATE")
                .setParameter(1, room.id())
                .getResultList();
        chat = em.find(Chat.class, room.id());
        return chat != null ? chat : ledger.create(ChatType.GROUP, room.name(), room.id(), null);
    }

    private User user(Member member) {
        return users.user(member.userId());
    }
}
