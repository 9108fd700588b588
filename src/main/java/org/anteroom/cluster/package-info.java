/**
 * Several nodes on one PostgreSQL database (docs/cluster.md): what one node commits reaches the others through the
 * database they share, with no other port and no membership protocol. {@link Broadcast} writes a transaction's
 * events into that transaction; PostgreSQL announces them, and every changed row of a cached entity, at commit;
 * each node's {@link Listener} evicts what changed and hands the events to its own relays as
 * {@link org.anteroom.platform.Elsewhere}. Off unless {@code anteroom.cluster=postgres}: the embedded single node
 * writes nothing here and listens to nothing.
 *
 * <p>Between the domain and the adapters: it knows the domain's event types (to name them on the wire between
 * nodes) and no adapter; the adapters only see {@code Elsewhere}, from platform.
 */
package org.anteroom.cluster;
