package org.anteroom.platform;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One numbered frame of a stream, kept for a while so that a client that reconnects can get it again. */
@Entity
@Table(name = "hub_frame")
class StreamFrame {

    @Id
    @SequenceGenerator(name = "hub_frame_seq", sequenceName = "hub_frame_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hub_frame_seq")
    private long id;

    private String stream;

    private long seq;

    private Instant at;

    private String entrant;

    @Column(length = 1_000_000)
    private String body;

    protected StreamFrame() {}

    StreamFrame(String stream, long seq, Instant at, String entrant, String body) {
        this.stream = stream;
        this.seq = seq;
        this.at = at;
        this.entrant = entrant;
        this.body = body;
    }
}
