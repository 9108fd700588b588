package org.anteroom.chat;

import java.time.Instant;

/** The read-only shapes the chat facades hand to the wire adapters. */
public final class Views {

    private Views() {}

    /**
     * A message. {@code file} is set for attachments (and forwarded attachments); {@code origin} for a
     * forwarded message: the original's id, author, kind and time.
     */
    public record MessageView(
            long id,
            String chatId,
            Author author,
            MessageKind kind,
            Content content,
            FileView file,
            Long replyTo,
            Instant sent,
            boolean edited,
            Origin origin) {}

    public record Origin(long id, Author author, MessageKind kind, Instant sent) {}

    /** An uploaded file; {@code downloadSecret} is part of its download URL. */
    public record FileView(
            String id,
            String name,
            long size,
            String mimeType,
            boolean ready,
            boolean hasPreview,
            String downloadSecret) {

        static FileView of(ChatFile file) {
            return new FileView(
                    file.id(),
                    file.name(),
                    file.size().orElse(file.declaredSize()),
                    file.mimeType(),
                    file.ready(),
                    file.hasPreview(),
                    file.downloadSecret());
        }
    }

    /** A chat as one participant sees it: its unread count and last visible message. */
    public record ChatView(
            String id,
            ChatType type,
            String title,
            FileView avatar,
            String roomId,
            long unread,
            MessageView lastMessage) {}

    public record ParticipantView(Author user, ChatRole role) {}
}
