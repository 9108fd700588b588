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
 * a reconnecting client what it missed. A frame is numbered inside the transaction that produced it: the stream's
 * row stays locked from then until that transaction ends, so a stream's numbers follow its commits, without gaps,
 * and a rolled-back frame leaves no number behind. Frames are kept for a while ({@link #sweep}) and read back in
 * order ({@link #since}). The statements run without flushing the caller's pending changes first: numbering a
 * frame must not move the caller's writes (and their failures) to another moment.
 */
@Stateless
public class StreamLog {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** Numbers the stream's next frame, renders it with its number, keeps it, and returns it. */
    public SocketFrames.Frame append(String stream, Instant at, LongFunction<String> render) {
        long seq = next(stream);
        String text = render.apply(seq);
        em.persist(new StreamFrame(stream, seq, at, text));
        return new SocketFrames.Frame(stream, seq, text);
    }

    /** The stream's last number (0 for a stream that never had a frame). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long last(String stream) {
        List<?> rows = em.createNativeQuery("SELECT seq FROM hub_stream WHERE name = ?1")
                .setParameter(1, stream)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** A kept frame and its place among all streams' frames, for merging two streams in the order they were made. */
    public record Kept(long order, SocketFrames.Frame frame) {}

    /** The stream's frames after {@code after} that are not older than {@code notBefore}, in order, at most limit. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Kept> since(String stream, long after, Instant notBefore, int limit) {
        List<?> rows = em.createNativeQuery("SELECT id, seq, body FROM hub_frame WHERE stream = ?1 AND seq > ?2"
                        + " AND at >= ?3 ORDER BY seq")
                .setParameter(1, stream)
                .setParameter(2, after)
                .setParameter(3, notBefore.toEpochMilli())
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new Kept(
                        ((Number) row[0]).longValue(),
                        new SocketFrames.Frame(stream, ((Number) row[1]).longValue(), (String) row[2])))
                .toList();
    }

    /** Forgets the frames older than that; the streams' numbers stay. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep(Instant before) {
        em.createNativeQuery("DELETE FROM hub_frame WHERE at < ?1")
                .setParameter(1, before.toEpochMilli())
                .executeUpdate();
    }

    /**
     * A stream's first frame makes its row, in a transaction of its own: of two first frames at once, one inserts it
     * and the other's insert fails on the key and rolls back here, and both then find the row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String stream) {
        try {
            em.createNativeQuery("INSERT INTO hub_stream (name, seq) SELECT ?1, 0"
                            + " WHERE NOT EXISTS (SELECT 1 FROM hub_stream WHERE name = ?2)")
                    .setParameter(1, stream)
                    .setParameter(2, stream)
                    .executeUpdate();
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

    private int bump(String stream) {
        return em.createNativeQuery("UPDATE hub_stream SET seq = seq + 1 WHERE name = ?1")
                .setParameter(1, stream)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }
}
