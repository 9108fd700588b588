package org.anteroom.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.chat.ChatEvent.ParticipantRemoved;
import org.anteroom.chat.Views.ChatView;
import org.anteroom.chat.Views.FileView;
import org.anteroom.chat.Views.MessageView;
import org.anteroom.chat.Views.Origin;
import org.anteroom.directory.Users;

/**
 * What every chat facade shares: chats and participants with the access rules (unknown chat, not a
 * participant), what a participant may see of a chat's messages, the views, and creating chats and
 * joining and leaving them. Runs in the calling facade's transaction.
 */
@ApplicationScoped
class ChatLedger {

    /** {@link Messages}' counter, exported (as zero) from the start: a stateless bean is made at its first call. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started, org.anteroom.platform.Meters meters) {
        meters.counter(Messages.SENT);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    Event<ChatEvent> events;

    @Inject
    Clock clock;

    Chat chat(String chatId) {
        Chat chat = chatId == null ? null : em.find(Chat.class, chatId);
        if (chat == null) {
            throw new UnknownChatException();
        }
        return chat;
    }

    Optional<Participant> participant(String chatId, String userId) {
        return Optional.ofNullable(em.find(Participant.class, new Participant.Key(chatId, userId)));
    }

    /** The caller's own participation; anyone else is told it is not a participant. */
    Participant member(Chat chat, String userId) {
        return participant(chat.id(), userId)
                .orElseThrow(() -> new NotParticipantException("You are not a participant of this chat"));
    }

    List<Participant> participants(String chatId) {
        return em.createQuery(
                        "select p from Participant p where p.chatId = :chat order by p.joined, p.userId",
                        Participant.class)
                .setParameter("chat", chatId)
                .getResultList();
    }

    /** The bots this member brought into the chat. */
    List<Participant> broughtBy(String chatId, String userId) {
        return em.createQuery(
                        "select p from Participant p where p.chatId = :chat and p.addedBy = :user"
                                + " order by p.joined, p.userId",
                        Participant.class)
                .setParameter("chat", chatId)
                .setParameter("user", userId)
                .getResultList();
    }

    /** Everyone in the chat except one user (the actor). */
    List<String> others(String chatId, String exceptUserId) {
        // Ids only: a large chat's participants are not loaded as entities for every message.
        return em
                .createQuery(
                        "select p.userId from Participant p where p.chatId = :chat order by p.joined, p.userId",
                        String.class)
                .setParameter("chat", chatId)
                .getResultList()
                .stream()
                .filter(id -> !id.equals(exceptUserId))
                .toList();
    }

    Author author(String userId) {
        return userId == null ? Author.SYSTEM : Author.of(users.user(userId));
    }

    long lastMessageId(String chatId) {
        Long last = em.createQuery("select max(m.id) from Message m where m.chatId = :chat", Long.class)
                .setParameter("chat", chatId)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** A message the participant can see: not removed, not cleared from its history, not hidden by it. */
    Message visible(long messageId, String userId) {
        Message message = em.find(Message.class, messageId);
        if (message == null || message.removed()) {
            throw new UnknownMessageException();
        }
        Participant participant = participant(message.chatId(), userId).orElseThrow(UnknownMessageException::new);
        if (message.id() <= participant.clearedThrough()
                || em.find(HiddenMessage.class, new HiddenMessage.Key(messageId, userId)) != null) {
            throw new UnknownMessageException();
        }
        return message;
    }

    /** The newest {@code count} messages the participant sees before {@code before} (all when null), oldest first. */
    List<Message> history(Participant participant, int count, Long before) {
        List<Message> newestFirst = em.createQuery(
                        "select m from Message m where m.chatId = :chat"
                                + " and m.removedAt is null and m.id > :cleared and m.id < :before"
                                + " and not exists (select h from HiddenMessage h where h.messageId = m.id and h.userId = :user)"
                                + " order by m.id desc",
                        Message.class)
                .setParameter("chat", participant.chatId())
                .setParameter("cleared", participant.clearedThrough())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("user", participant.userId())
                .setMaxResults(count)
                .getResultList();
        List<Message> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    MessageView view(Message message) {
        Content content = message.content();
        FileView file = content.fileId() == null ? null : FileView.of(em.find(ChatFile.class, content.fileId()));
        Origin origin = message.kind() != MessageKind.FORWARD
                ? null
                : new Origin(
                        message.originId(), author(message.originAuthor()), message.originKind(), message.originSent());
        return new MessageView(
                message.id(),
                message.chatId(),
                author(message.authorId()),
                message.kind(),
                content,
                file,
                message.replyTo(),
                message.sent(),
                message.edited(),
                origin);
    }

    ChatView view(Chat chat, Participant viewer) {
        long unread = em.createQuery(
                        "select count(d) from Delivery d, Message m where d.recipientId = :user"
                                + " and d.chatId = :chat and m.id = d.messageId and m.removedAt is null"
                                + " and m.id > :cleared",
                        Long.class)
                .setParameter("user", viewer.userId())
                .setParameter("chat", chat.id())
                .setParameter("cleared", viewer.clearedThrough())
                .getSingleResult();
        List<Message> last = history(viewer, 1, null);
        FileView avatar = chat.avatarFileId()
                .map(id -> em.find(ChatFile.class, id))
                .map(FileView::of)
                .orElse(null);
        return new ChatView(
                chat.id(),
                chat.type(),
                chat.title(),
                avatar,
                chat.roomId().orElse(null),
                unread,
                last.isEmpty() ? null : view(last.get(0)));
    }

    /** Serializes changes of one chat's participants: two racing additions of a user make one. */
    void lock(Chat chat) {
        em.createNativeQuery("SELECT id FROM chat WHERE id = ? FOR UPDATE")
                .setParameter(1, chat.id())
                .getResultList();
    }

    Participant join(Chat chat, String userId, ChatRole role, long clearedThrough) {
        return join(chat, userId, role, clearedThrough, null);
    }

    /** @param addedBy the room member who brought a bot into the room's chat, else null */
    Participant join(Chat chat, String userId, ChatRole role, long clearedThrough, String addedBy) {
        Participant participant = new Participant(chat.id(), userId, role, clearedThrough, addedBy, clock.instant());
        em.persist(participant);
        return participant;
    }

    void leave(Chat chat, Participant target, Author removedBy, String actorId) {
        List<String> told = others(chat.id(), actorId);
        em.createQuery("delete from Delivery d where d.chatId = :chat and d.recipientId = :user")
                .setParameter("chat", chat.id())
                .setParameter("user", target.userId())
                .executeUpdate();
        em.remove(target);
        events.fire(new ParticipantRemoved(chat.id(), author(target.userId()), removedBy, clock.instant(), told));
    }

    Chat create(ChatType type, String title, String roomId, String pairKey) {
        String id = roomId != null ? roomId : UUID.randomUUID().toString();
        Chat chat = new Chat(id, type, title, roomId, pairKey, clock.instant());
        em.persist(chat);
        // Participants refer to the chat by id only: insert it first.
        em.flush();
        return chat;
    }

    /** A file the caller uploaded, by the temporal id its upload returned. */
    ChatFile temporal(String callerId, String temporalFileId) {
        ChatFile file = temporalFileId == null
                ? null
                : em.createQuery("select f from ChatFile f where f.temporalId = :id", ChatFile.class)
                        .setParameter("id", temporalFileId)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (file == null || !file.ownerId().equals(callerId)) {
            throw new UnknownFileException();
        }
        return file;
    }
}
