package org.anteroom.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.chat.ChatEvent.MessageEdited;
import org.anteroom.chat.ChatEvent.MessagePosted;
import org.anteroom.chat.ChatEvent.MessageRemoved;
import org.anteroom.chat.Views.MessageView;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.Meters;
import org.anteroom.platform.NotPermittedException;

/**
 * Messages: sending (text, file, forward), editing, removing, reading one or a history, and the
 * per-recipient delivery state — every other participant gets an unread delivery, which its bot's
 * acknowledgement removes (decision 0025).
 */
@Stateless
public class Messages {

    public static final int TEXT_MAX = 16384;
    public static final int HISTORY_MAX = 1000;
    private static final int IN_LIST_MAX = 500;
    private static final Set<String> PARSE_MODES = Set.of("text", "markdown", "html");

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatLedger ledger;

    @Inject
    Event<ChatEvent> events;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Meters meters;

    static final Meters.Metric SENT =
            new Meters.Metric("anteroom_messages_sent", "Chat messages posted (and committed)");

    private Meters.Counter sent;

    @PostConstruct
    void init() {
        sent = meters.counter(SENT);
    }

    public MessageView send(String callerId, String chatId, String text, String parseMode, Long replyTo) {
        Chat chat = writable(callerId, chatId);
        checkReply(chat, callerId, replyTo);
        return post(
                chat,
                callerId,
                Message.text(
                        chat.id(),
                        callerId,
                        Content.text(validText(text, false), validParseMode(parseMode)),
                        replyTo,
                        clock.instant()));
    }

    /** Sends a file the caller uploaded, with an optional caption. */
    public MessageView sendFile(
            String callerId, String chatId, String temporalFileId, String caption, String parseMode, Long replyTo) {
        Chat chat = writable(callerId, chatId);
        checkReply(chat, callerId, replyTo);
        ChatFile file = ledger.temporal(callerId, temporalFileId);
        Content content =
                new Content(validText(caption, true), caption == null ? null : validParseMode(parseMode), file.id());
        return post(chat, callerId, Message.text(chat.id(), callerId, content, replyTo, clock.instant()));
    }

    public MessageView forward(String callerId, String messageId, String targetChatId) {
        Message original = ledger.visible(id(messageId), callerId);
        Chat target = writable(callerId, targetChatId);
        return post(target, callerId, Message.forward(target.id(), callerId, original, clock.instant()));
    }

    /** The author edits the text (or an attachment's caption) of its message. */
    public MessageView edit(String callerId, String messageId, String text, String parseMode) {
        Message message = ledger.visible(id(messageId), callerId);
        if (!callerId.equals(message.authorId())) {
            throw new NotPermittedException("Only the author may edit a message");
        }
        if (message.kind() == MessageKind.FORWARD) {
            throw new NotPermittedException("A forwarded message cannot be edited");
        }
        message.edit(validText(text, message.kind() == MessageKind.FILE), validParseMode(parseMode));
        Chat chat = ledger.chat(message.chatId());
        MessageView view = ledger.view(message);
        events.fire(new MessageEdited(view, chat.roomId().orElse(null), ledger.others(chat.id(), callerId)));
        return view;
    }

    /** For everyone (the author, or an owner or admin of the chat), or only out of the caller's own view. */
    public void remove(String callerId, String messageId, boolean forAll) {
        Message message = ledger.visible(id(messageId), callerId);
        if (!forAll) {
            em.persist(new HiddenMessage(message.id(), callerId));
            return;
        }
        Chat chat = ledger.chat(message.chatId());
        if (!callerId.equals(message.authorId())
                && !ledger.member(chat, callerId).role().manages()) {
            throw new NotPermittedException("Only the author or an owner or admin may remove a message for everyone");
        }
        message.remove(clock.instant());
        events.fire(new MessageRemoved(
                chat.id(),
                message.id(),
                ledger.author(callerId),
                chat.roomId().orElse(null),
                ledger.others(chat.id(), callerId)));
    }

    public MessageView get(String callerId, String messageId) {
        return ledger.view(ledger.visible(id(messageId), callerId));
    }

    /** Up to {@code count} messages before {@code fromMessageId} (the newest when null), oldest first. */
    public List<MessageView> history(String callerId, String chatId, int count, String fromMessageId) {
        if (count < 1 || count > HISTORY_MAX) {
            throw new InvalidInputException("count must be between 1 and " + HISTORY_MAX);
        }
        Chat chat = ledger.chat(chatId);
        Participant participant = ledger.member(chat, callerId);
        Long before = fromMessageId == null ? null : id(fromMessageId);
        return ledger.history(participant, count, before).stream()
                .map(ledger::view)
                .toList();
    }

    /** The user's unread messages, oldest first, at most {@code limit}. */
    public List<MessageView> unread(String userId, int limit) {
        return em
                .createQuery(
                        "select m from Message m, Delivery d, Participant p where d.recipientId = :user"
                                + " and m.id = d.messageId and m.removedAt is null"
                                + " and p.chatId = m.chatId and p.userId = :user and m.id > p.clearedThrough"
                                + " and not exists (select h from HiddenMessage h where h.messageId = m.id and h.userId = :user)"
                                + " order by m.id",
                        Message.class)
                .setParameter("user", userId)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(ledger::view)
                .toList();
    }

    /** A recipient has seen a message: its bot acknowledged the message's event. */
    public record Read(String userId, long messageId) {}

    /**
     * The recipients have seen these messages (their bots acknowledged them), all in one transaction:
     * their deliveries go, since an unread delivery is all a delivery is for. Grouped by message or by
     * recipient, whichever makes fewer statements (many bots acknowledging one message, or one bot its
     * backlog); repeated acknowledgements change nothing.
     */
    public void read(Collection<Read> reads) {
        Map<Long, Set<String>> byMessage = new LinkedHashMap<>();
        Map<String, Set<Long>> byUser = new LinkedHashMap<>();
        reads.forEach(read -> {
            byMessage
                    .computeIfAbsent(read.messageId(), m -> new LinkedHashSet<>())
                    .add(read.userId());
            byUser.computeIfAbsent(read.userId(), u -> new LinkedHashSet<>()).add(read.messageId());
        });
        if (byMessage.size() <= byUser.size()) {
            byMessage.forEach((message, users) -> chunks(users)
                    .forEach(some -> em.createQuery(
                                    "delete from Delivery d where d.messageId = :message and d.recipientId in :users")
                            .setParameter("message", message)
                            .setParameter("users", some)
                            .executeUpdate()));
        } else {
            byUser.forEach((user, ids) -> chunks(ids)
                    .forEach(some -> em.createQuery(
                                    "delete from Delivery d where d.recipientId = :user and d.messageId in :messages")
                            .setParameter("user", user)
                            .setParameter("messages", some)
                            .executeUpdate()));
        }
    }

    /** IN lists of a size every database takes. */
    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST_MAX) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST_MAX)));
        }
        return chunks;
    }

    MessageView post(Chat chat, String authorId, Message message) {
        em.persist(message);
        // Deliveries refer to the message by id only: insert it first.
        em.flush();
        // One statement for all the recipients' deliveries, however many there are.
        em.createNativeQuery("INSERT INTO delivery (message_id, recipient_id, chat_id)"
                        + " SELECT ?, user_id, chat_id FROM chat_participant WHERE chat_id = ? AND user_id <> ?")
                .setParameter(1, message.id())
                .setParameter(2, chat.id())
                .setParameter(3, authorId)
                .executeUpdate();
        List<String> recipients = ledger.others(chat.id(), authorId);
        chat.touch(message.sent());
        MessageView view = ledger.view(message);
        events.fire(new MessagePosted(view, chat.roomId().orElse(null), recipients));
        // Counted once committed: a message rolled back was never sent.
        afterCommit.run(sent::increment);
        return view;
    }

    private Chat writable(String callerId, String chatId) {
        Chat chat = ledger.chat(chatId);
        Participant caller = ledger.member(chat, callerId);
        if (chat.type() == ChatType.CHANNEL && !caller.role().writesToChannels()) {
            throw new NotPermittedException("Only the owner, admins and writers post in a channel");
        }
        return chat;
    }

    private void checkReply(Chat chat, String callerId, Long replyTo) {
        if (replyTo != null && !ledger.visible(replyTo, callerId).chatId().equals(chat.id())) {
            throw new UnknownMessageException();
        }
    }

    static long id(String messageId) {
        try {
            long id = Long.parseLong(messageId == null ? "" : messageId.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // An id we never issued.
        }
        throw new UnknownMessageException();
    }

    private static String validText(String text, boolean optional) {
        if (text == null || text.isBlank()) {
            if (optional) {
                return null;
            }
            throw new InvalidInputException("text is required");
        }
        if (text.length() > TEXT_MAX) {
            throw new InvalidInputException("text may have at most " + TEXT_MAX + " characters");
        }
        return text;
    }

    private static String validParseMode(String parseMode) {
        if (parseMode == null) {
            return "text";
        }
        if (!PARSE_MODES.contains(parseMode)) {
            throw new InvalidInputException("parseMode must be text, markdown or html");
        }
        return parseMode;
    }
}
