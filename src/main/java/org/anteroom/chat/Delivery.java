package org.anteroom.chat;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A message for one recipient: unread until the recipient's bot acknowledges it. */
@Entity
@IdClass(Delivery.Key.class)
@Table(name = "delivery")
public class Delivery {

    @Id
    @Column(name = "message_id")
    private long messageId;

    @Id
    @Column(name = "recipient_id")
    private String recipientId;

    @Column(name = "chat_id")
    private String chatId;

    @Column(name = "read_at")
    private Instant readAt;

    protected Delivery() {}

    Delivery(long messageId, String recipientId, String chatId) {
        this.messageId = messageId;
        this.recipientId = recipientId;
        this.chatId = chatId;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long messageId;
        private String recipientId;

        public Key() {}

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.messageId == messageId && key.recipientId.equals(recipientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, recipientId);
        }
    }
}
