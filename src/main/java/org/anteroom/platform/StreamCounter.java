package org.anteroom.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stream's last number ({@link StreamLog}); only ever changed by a bulk update that locks its row. */
@Entity
@Table(name = "hub_stream")
class StreamCounter {

    @Id
    private String name;

    private long seq;

    protected StreamCounter() {}

    StreamCounter(String name) {
        this.name = name;
    }
}
