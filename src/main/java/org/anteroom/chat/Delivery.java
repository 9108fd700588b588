package org.anteroom.chat;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A message one recipient has not read yet: the row goes when the recipient's bot acknowledges the
 * message (decision 0025), so the table holds only what a backlog or an unread count will read.
 */
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

    /** Rows are written in bulk by {@code Messages} (one statement per message), never one by one. */
    protected Delivery() {}

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
