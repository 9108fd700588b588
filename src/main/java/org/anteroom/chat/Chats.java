package org.anteroom.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.chat.ChatEvent.AvatarEdited;
import org.anteroom.chat.ChatEvent.ChatCreated;
import org.anteroom.chat.ChatEvent.ChatRemoved;
import org.anteroom.chat.ChatEvent.HistoryCleared;
import org.anteroom.chat.ChatEvent.ParticipantAdded;
import org.anteroom.chat.ChatEvent.RoleChanged;
import org.anteroom.chat.ChatEvent.TitleEdited;
import org.anteroom.chat.Views.ChatView;
import org.anteroom.chat.Views.FileView;
import org.anteroom.chat.Views.ParticipantView;
import org.anteroom.directory.User;
import org.anteroom.directory.UserStatus;
import org.anteroom.directory.Users;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.NotPermittedException;
import org.anteroom.platform.UnknownEntityException;

/**
 * Chats and their participants: p2p, group, channel and favorites chats, and the rules of who may
 * change what. A room's group chat is run by its room ({@link RoomChats}): its title and its
 * members' participation follow the room, and bots are brought in from the presence API.
 */
@Stateless
public class Chats {

    public static final int TITLE_MAX = 256;

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatLedger ledger;

    @Inject
    Users users;

    @Inject
    Event<ChatEvent> events;

    @Inject
    Clock clock;

    /** The p2p chat of the caller and the other user, created on first use. */
    public ChatView p2p(String callerId, String otherLogin) {
        User other = activeUser(otherLogin);
        if (other.id().equals(callerId)) {
            throw new InvalidInputException("A p2p chat needs another user; use the favorites chat");
        }
        // Both rows locked in a fixed order: two users creating their chat at once get the same one.
        String first = callerId.compareTo(other.id()) < 0 ? callerId : other.id();
        if (first.equals(callerId)) {
            users.locked(callerId);
            users.locked(other);
        } else {
            users.locked(other);
            users.locked(callerId);
        }
        String pairKey = "p2p:" + first + "|" + (first.equals(callerId) ? other.id() : callerId);
        Chat chat = byPairKey(pairKey);
        if (chat == null) {
            chat = ledger.create(ChatType.P2P, null, null, pairKey);
            ledger.join(chat, callerId, ChatRole.USER, 0);
            ledger.join(chat, other.id(), ChatRole.USER, 0);
            events.fire(new ChatCreated(ledger.view(chat, ledger.member(chat, other.id())), List.of(other.id())));
        }
        return ledger.view(chat, ledger.member(chat, callerId));
    }

    /** The caller's own notes chat, created on first use. */
    public ChatView favorites(String callerId) {
        users.locked(callerId);
        String pairKey = "favorites:" + callerId;
        Chat chat = byPairKey(pairKey);
        if (chat == null) {
            chat = ledger.create(ChatType.FAVORITES, null, null, pairKey);
            ledger.join(chat, callerId, ChatRole.FAVORITES_OWNER, 0);
        }
        return ledger.view(chat, ledger.member(chat, callerId));
    }

    /** A new group chat or channel, owned by the caller. */
    public ChatView create(String callerId, ChatType type, String title) {
        if (type != ChatType.GROUP && type != ChatType.CHANNEL) {
            throw new IllegalArgumentException("Only groups and channels are created with a title");
        }
        Chat chat = ledger.create(type, validTitle(title), null, null);
        return ledger.view(chat, ledger.join(chat, callerId, ChatRole.OWNER, 0));
    }

    /** The caller's chats, most recently active first; pages start at 1. */
    public List<ChatView> list(String callerId, int count, int page) {
        if (count < 1 || page < 1) {
            throw new InvalidInputException("count and page must be at least 1");
        }
        List<Object[]> rows = em.createQuery(
                        "select c, p from Chat c, Participant p where p.chatId = c.id"
                                + " and p.userId = :user order by c.modified desc, c.id",
                        Object[].class)
                .setParameter("user", callerId)
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * count))
                .setMaxResults(count)
                .getResultList();
        List<ChatView> chats = new ArrayList<>(rows.size());
        rows.forEach(row -> chats.add(ledger.view((Chat) row[0], (Participant) row[1])));
        return chats;
    }

    public ChatView view(String callerId, String chatId) {
        Chat chat = ledger.chat(chatId);
        return ledger.view(chat, ledger.member(chat, callerId));
    }

    /** Deletes the chat for everyone: the owner of a group or channel, either side of a p2p chat. */
    public void remove(String callerId, String chatId) {
        Chat chat = ledger.chat(chatId);
        Participant caller = ledger.member(chat, callerId);
        notRoomRun(chat, "A room's chat goes with its room");
        if ((chat.type() == ChatType.GROUP || chat.type() == ChatType.CHANNEL) && caller.role() != ChatRole.OWNER) {
            throw new NotPermittedException("Only the owner may remove this chat");
        }
        List<String> others = ledger.others(chat.id(), callerId);
        em.createQuery(
                        "delete from HiddenMessage h where h.messageId in (select m.id from Message m where m.chatId = :chat)")
                .setParameter("chat", chat.id())
                .executeUpdate();
        em.createQuery("delete from Delivery d where d.chatId = :chat")
                .setParameter("chat", chat.id())
                .executeUpdate();
        em.createQuery("delete from Message m where m.chatId = :chat")
                .setParameter("chat", chat.id())
                .executeUpdate();
        em.createQuery("delete from Participant p where p.chatId = :chat")
                .setParameter("chat", chat.id())
                .executeUpdate();
        em.remove(chat);
        events.fire(new ChatRemoved(chat.id(), others));
    }

    /** Hides every message so far from the caller, or (forAll) from everyone. */
    public void clearHistory(String callerId, String chatId, boolean forAll) {
        Chat chat = ledger.chat(chatId);
        Participant caller = ledger.member(chat, callerId);
        long last = ledger.lastMessageId(chat.id());
        if (!forAll) {
            caller.clearThrough(last);
            return;
        }
        if (chat.type() != ChatType.P2P
                && chat.type() != ChatType.FAVORITES
                && !caller.role().manages()) {
            throw new NotPermittedException("Only the owner or an admin may clear the history for everyone");
        }
        ledger.participants(chat.id()).forEach(participant -> participant.clearThrough(last));
        events.fire(new HistoryCleared(chat.id(), true, ledger.others(chat.id(), callerId)));
    }

    /** @return when the title changed */
    public Instant retitle(String callerId, String chatId, String title) {
        Chat chat = managed(callerId, chatId);
        Instant now = clock.instant();
        chat.retitle(validTitle(title), now);
        events.fire(new TitleEdited(chat.id(), chat.title(), now, ledger.others(chat.id(), callerId)));
        return now;
    }

    /** Sets the chat's picture to a file the caller uploaded. */
    public FileView avatar(String callerId, String chatId, String temporalFileId) {
        Chat chat = managed(callerId, chatId);
        ChatFile file = ledger.temporal(callerId, temporalFileId);
        chat.avatar(file.id(), clock.instant());
        FileView avatar = FileView.of(file);
        events.fire(new AvatarEdited(chat.id(), avatar, ledger.others(chat.id(), callerId)));
        return avatar;
    }

    /** An owner or admin adds a user to a group or channel, with or without the history so far. */
    public void add(String callerId, String chatId, String login, boolean displayHistory) {
        Chat chat = managed(callerId, chatId);
        User user = activeUser(login);
        ledger.lock(chat);
        if (ledger.participant(chat.id(), user.id()).isPresent()) {
            throw new AlreadyParticipantException();
        }
        ledger.join(chat, user.id(), ChatRole.USER, displayHistory ? 0 : ledger.lastMessageId(chat.id()));
        events.fire(new ParticipantAdded(
                chat.id(),
                Author.of(user),
                ledger.author(callerId),
                clock.instant(),
                ledger.others(chat.id(), callerId)));
    }

    /**
     * Takes a user out of a chat: an owner or admin removes others from a group or channel; anyone
     * may leave a group, channel or room chat. The owner cannot be removed by others.
     */
    public void removeParticipant(String callerId, String chatId, String login) {
        Chat chat = ledger.chat(chatId);
        Participant caller = ledger.member(chat, callerId);
        User user = users.byChatLogin(login).orElseThrow(() -> new UnknownEntityException("user"));
        Participant target = ledger.participant(chat.id(), user.id())
                .orElseThrow(() -> new NotParticipantException("The user is not a participant of this chat"));
        boolean self = user.id().equals(callerId);
        if (chat.type() == ChatType.P2P || chat.type() == ChatType.FAVORITES) {
            throw new NotPermittedException("Nobody leaves a p2p or favorites chat; remove the chat instead");
        }
        if (!self) {
            notRoomRun(chat, "A room's members are taken out of its chat by leaving the room");
            if (!caller.role().manages() || target.role() == ChatRole.OWNER) {
                throw new NotPermittedException("Only the owner or an admin may remove participants");
            }
        }
        ledger.leave(chat, target, ledger.author(callerId), callerId);
    }

    public List<ParticipantView> participants(String callerId, String chatId, int pageSize, int pageNumber) {
        if (pageSize < 1 || pageNumber < 1) {
            throw new InvalidInputException("pageSize and pageNumber must be at least 1");
        }
        Chat chat = ledger.chat(chatId);
        ledger.member(chat, callerId);
        return em
                .createQuery(
                        "select p from Participant p where p.chatId = :chat order by p.joined, p.userId",
                        Participant.class)
                .setParameter("chat", chat.id())
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) (pageNumber - 1) * pageSize))
                .setMaxResults(pageSize)
                .getResultList()
                .stream()
                .map(p -> new ParticipantView(ledger.author(p.userId()), p.role()))
                .toList();
    }

    /** A participant of a chat the caller is in; a user outside it is {@link NotParticipantException}. */
    public ParticipantView participant(String callerId, String chatId, String login) {
        Chat chat = ledger.chat(chatId);
        ledger.member(chat, callerId);
        User user = users.byChatLogin(login)
                .orElseThrow(() -> new NotParticipantException("The user is not a participant of this chat"));
        Participant participant = ledger.participant(chat.id(), user.id())
                .orElseThrow(() -> new NotParticipantException("The user is not a participant of this chat"));
        return new ParticipantView(Author.of(user), participant.role());
    }

    /** Whether a user takes part in a chat the caller is in. */
    public boolean has(String callerId, String chatId, String login) {
        Chat chat = ledger.chat(chatId);
        ledger.member(chat, callerId);
        return users.byChatLogin(login)
                .flatMap(user -> ledger.participant(chat.id(), user.id()))
                .isPresent();
    }

    /**
     * The owner gives a participant of a group or channel another role (admin, user, writer).
     *
     * @param role the role to give; null for a role the caller's surface has no word for, refused
     *             after the chat and the caller's part in it are checked, as a refused role is
     */
    public void changeRole(String callerId, String chatId, String login, ChatRole role) {
        Chat chat = ledger.chat(chatId);
        Participant caller = ledger.member(chat, callerId);
        if (role == null) {
            throw new UnknownRoleException("Unknown role");
        }
        if (role != ChatRole.ADMIN && role != ChatRole.USER && role != ChatRole.WRITER) {
            throw new UnknownRoleException(role);
        }
        notRoomRun(chat, "Roles in a room's chat follow the room");
        if (chat.type() != ChatType.GROUP && chat.type() != ChatType.CHANNEL || caller.role() != ChatRole.OWNER) {
            throw new NotPermittedException("Only the owner of a group or channel may change roles");
        }
        User user = users.byChatLogin(login)
                .orElseThrow(() -> new NotParticipantException("The user is not a participant of this chat"));
        Participant target = ledger.participant(chat.id(), user.id())
                .orElseThrow(() -> new NotParticipantException("The user is not a participant of this chat"));
        if (target.role() == ChatRole.OWNER) {
            throw new NotPermittedException("The owner's role cannot change");
        }
        target.role(role);
        events.fire(
                new RoleChanged(chat.id(), Author.of(user), role, clock.instant(), ledger.others(chat.id(), callerId)));
    }

    /** The name a user shows in chats. */
    public String displayName(String login) {
        return users.byChatLogin(login)
                .orElseThrow(() -> new UnknownEntityException("user"))
                .chatName();
    }

    private Chat byPairKey(String pairKey) {
        return em.createQuery("select c from Chat c where c.pairKey = :key", Chat.class)
                .setParameter("key", pairKey)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Chat managed(String callerId, String chatId) {
        Chat chat = ledger.chat(chatId);
        Participant caller = ledger.member(chat, callerId);
        notRoomRun(chat, "A room's chat follows its room");
        if (chat.type() != ChatType.GROUP && chat.type() != ChatType.CHANNEL
                || !caller.role().manages()) {
            throw new NotPermittedException("Only the owner or an admin of a group or channel may do this");
        }
        return chat;
    }

    private User activeUser(String login) {
        User user = login == null ? null : users.byChatLogin(login).orElse(null);
        if (user == null || user.status() != UserStatus.ACTIVE) {
            throw new UnknownEntityException("user");
        }
        return user;
    }

    private static void notRoomRun(Chat chat, String why) {
        if (chat.roomId().isPresent()) {
            throw new NotPermittedException(why);
        }
    }

    static String validTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("title is required");
        }
        if (trimmed.length() > TITLE_MAX) {
            throw new InvalidInputException("title may have at most " + TITLE_MAX + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("title may not contain control characters");
        }
        return trimmed;
    }
}
