package org.anteroom.chat;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A message in a chat. Its id comes from a sequence, so a chat's messages have one total order. A
 * forwarded message copies the original's author, kind, time and content (the {@code origin*}
 * fields), so it stays readable when the original's chat is gone.
 */
@Entity
@Table(name = "chat_message")
public class Message {

    @Id
    @SequenceGenerator(name = "chat_message_seq", sequenceName = "chat_message_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_message_seq")
    private long id;

    @Column(name = "chat_id")
    private String chatId;

    @Column(name = "author_id")
    private String authorId;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    private String body;

    @Column(name = "parse_mode")
    private String parseMode;

    @Column(name = "file_id")
    private String fileId;

    @Column(name = "origin_id")
    private Long originId;

    @Column(name = "origin_author")
    private String originAuthor;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_kind")
    private MessageKind originKind;

    @Column(name = "origin_sent")
    private Long originSent;

    @Column(name = "reply_to")
    private Long replyTo;

    private Instant sent;

    private boolean edited;

    /** When the message was removed for everyone; null while it stands. */
    @Column(name = "removed_at")
    private Instant removedAt;

    protected Message() {}

    private Message(String chatId, String authorId, MessageKind kind, Content content, Long replyTo, Instant now) {
        this.chatId = chatId;
        this.authorId = authorId;
        this.kind = kind;
        this.body = content.text();
        this.parseMode = content.parseMode();
        this.fileId = content.fileId();
        this.replyTo = replyTo;
        this.sent = now;
    }

    static Message text(String chatId, String authorId, Content content, Long replyTo, Instant now) {
        MessageKind kind = content.fileId() == null ? MessageKind.TEXT : MessageKind.FILE;
        return new Message(chatId, authorId, kind, content, replyTo, now);
    }

    static Message forward(String chatId, String authorId, Message original, Instant now) {
        Message forward = new Message(chatId, authorId, MessageKind.FORWARD, original.content(), null, now);
        Message source = original.kind == MessageKind.FORWARD ? null : original;
        forward.originId = source == null ? original.originId : original.id;
        forward.originAuthor = source == null ? original.originAuthor : original.authorId;
        forward.originKind = source == null ? original.originKind : original.kind;
        forward.originSent = source == null ? original.originSent : original.sent.toEpochMilli();
        return forward;
    }

    public long id() {
        return id;
    }

    public String chatId() {
        return chatId;
    }

    public String authorId() {
        return authorId;
    }

    public MessageKind kind() {
        return kind;
    }

    public Content content() {
        return new Content(body, parseMode, fileId);
    }

    public Long replyTo() {
        return replyTo;
    }

    public Instant sent() {
        return sent;
    }

    public boolean edited() {
        return edited;
    }

    boolean removed() {
        return removedAt != null;
    }

    Long originId() {
        return originId;
    }

    String originAuthor() {
        return originAuthor;
    }

    MessageKind originKind() {
        return originKind;
    }

    /** When the original was sent; stored in epoch milliseconds, the precision a forward keeps of it. */
    Instant originSent() {
        return originSent == null ? null : Instant.ofEpochMilli(originSent);
    }

    void edit(String text, String parseMode) {
        this.body = text;
        this.parseMode = parseMode;
        this.edited = true;
    }

    void remove(Instant now) {
        this.removedAt = now;
    }
}
