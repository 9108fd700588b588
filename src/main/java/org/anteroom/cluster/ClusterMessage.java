package org.anteroom.cluster;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The events of one transaction for the other nodes, as a JSON array in firing order ({@link EventCodec}). Written in
 * that transaction, so it exists exactly when the transaction committed; the database announces it at commit
 * (sql/postgresql/V14_1). A transaction's later events are appended to the same row before it commits.
 */
@Entity
@Table(name = "cluster_message")
public class ClusterMessage {

    static final int MAX_BODY = 1_000_000;

    @Id
    @SequenceGenerator(name = "cluster_message_seq", sequenceName = "cluster_message_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cluster_message_seq")
    private long id;

    private String node;

    private Instant created;

    @Column(length = MAX_BODY)
    private String body;

    protected ClusterMessage() {}

    ClusterMessage(String node, Instant created) {
        this.node = node;
        this.created = created;
        this.body = "[]";
    }

    /** Appends one encoded event; a transaction whose events outgrow the row fails rather than lose some. */
    void add(String encoded) {
        String next =
                body.equals("[]") ? "[" + encoded + "]" : body.substring(0, body.length() - 1) + "," + encoded + "]";
        if (next.length() > MAX_BODY) {
            throw new IllegalStateException("The events of one transaction exceed " + MAX_BODY + " characters");
        }
        body = next;
    }

    String body() {
        return body;
    }
}
