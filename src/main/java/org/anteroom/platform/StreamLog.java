package org.anteroom.platform;

import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * Numbered streams of socket frames, in the database so that every node numbers them alike and any node can send
 * a reconnecting client what it missed (decision 0027). A frame is numbered inside the transaction that produced
 * it: the stream's row stays locked from then until that transaction ends, so a stream's numbers follow its
 * commits, without gaps, and a rolled-back frame leaves no number behind. Frames are kept for a while
 * ({@link #sweep}) and read back in order ({@link #since}).
 *
 * <p>The statements run without flushing the caller's pending changes first (numbering a frame must not move the
 * caller's writes, and their failures, to another moment), and all of them are JPQL on entities that no cache
 * holds: a native write would make Hibernate empty its whole second-level cache.
 */
@Stateless
public class StreamLog {

    private static final String LOST_RACE =
            "Another request changed the same room or user at the same moment; try again";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** A kept frame and its place among all streams' frames, for merging two streams in the order they were made. */
    public record Kept(long order, SocketFrames.Frame frame) {}

    /**
     * Numbers the stream's next frame, renders it with its number, keeps it, and returns it. {@code entrant}: the
     * user this frame lets into the stream's audience, or null.
     */
    public SocketFrames.Frame append(String stream, Instant at, String entrant, LongFunction<String> render) {
        long seq = next(stream);
        String text = render.apply(seq);
        em.persist(new StreamFrame(stream, seq, at, entrant, text));
        return new SocketFrames.Frame(stream, seq, text);
    }

    /** The stream's last number (0 for a stream that never had a frame). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long last(String stream) {
        List<Long> seq = em.createQuery("SELECT c.seq FROM StreamCounter c WHERE c.name = :name", Long.class)
                .setParameter("name", stream)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return seq.isEmpty() ? 0 : seq.get(0);
    }

    /** The number of the stream's latest frame that let this user in, or 0 when none is kept. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long entered(String stream, String entrant) {
        Long seq = em.createQuery(
                        "SELECT MAX(f.seq) FROM StreamFrame f WHERE f.stream = :stream AND f.entrant = :entrant",
                        Long.class)
                .setParameter("stream", stream)
                .setParameter("entrant", entrant)
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        return seq == null ? 0 : seq;
    }

    /** The stream's frames after {@code after} that are not older than {@code notBefore}, in order, at most limit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Kept> since(String stream, long after, Instant notBefore, int limit) {
        return em
                .createQuery(
                        "SELECT f.id, f.seq, f.body FROM StreamFrame f WHERE f.stream = :stream AND f.seq > :after"
                                + " AND f.at >= :notBefore ORDER BY f.seq",
                        Object[].class)
                .setParameter("stream", stream)
                .setParameter("after", after)
                .setParameter("notBefore", notBefore)
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(row -> new Kept(
                        ((Number) row[0]).longValue(),
                        new SocketFrames.Frame(stream, ((Number) row[1]).longValue(), (String) row[2])))
                .toList();
    }

    /** Forgets the frames older than that; the streams' numbers stay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep(Instant before) {
        em.createQuery("DELETE FROM StreamFrame f WHERE f.at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    /**
     * A stream's first frame makes its row, in a transaction of its own: of two first frames at once, one inserts it
     * and the other's insert fails on the key and rolls back here, and both then find the row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String stream) {
        try {
            em.persist(new StreamCounter(stream));
            em.flush();
        } catch (PersistenceException raced) {
            context.setRollbackOnly();
        }
    }

    private long next(String stream) {
        if (bump(stream) == 0) {
            context.getBusinessObject(StreamLog.class).create(stream);
            if (bump(stream) == 0) {
                throw new IllegalStateException("The hub stream row " + stream + " could not be made");
            }
        }
        return last(stream);
    }

    /** Locks the stream's row until the transaction ends; a deadlock or lock timeout is the caller's "try again". */
    private int bump(String stream) {
        try {
            return em.createQuery("UPDATE StreamCounter c SET c.seq = c.seq + 1 WHERE c.name = :name")
                    .setParameter("name", stream)
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw Constraints.lostRace(e, LOST_RACE);
        }
    }
}
