package org.anteroom.access;

import java.time.Instant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A hub token that opened a socket: its jti, kept until the token would have expired anyway. */
@Entity
@Cacheable(false)
@Table(name = "hub_ticket")
class HubTicket {

    @Id
    private String jti;

    private Instant expires;

    protected HubTicket() {}

    HubTicket(String jti, Instant expires) {
        this.jti = jti;
        this.expires = expires;
    }
}
