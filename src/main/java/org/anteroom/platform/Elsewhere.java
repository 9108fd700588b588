package org.anteroom.platform;

/**
 * An event that another node of the cluster committed, delivered on this node after that commit, in the order the
 * other node's transactions committed (cluster mode, docs/cluster.md). Fired as a CDI event with no transaction.
 * Only the per-node half of an event's work observes it: relaying to this node's sockets, emptying this node's
 * caches. Work that writes the database already happened on the node that committed.
 *
 * @param event the event as it was fired there: a {@code RoomEvent}, {@code ChatEvent}, {@code AccessEvent},
 *     {@code TokensRevoked}, {@code UserChanged} (announced by the database), or the {@link SocketFrames} its
 *     transaction rendered
 */
public record Elsewhere(Object event) {

    /**
     * This node may have missed events of other nodes (its connection to them was down for a while): what it
     * derived from the database may be stale, so it forgets it.
     */
    public record Gap() {}
}
