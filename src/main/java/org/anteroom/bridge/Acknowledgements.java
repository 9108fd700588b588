package org.anteroom.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.anteroom.chat.Messages;
import org.anteroom.chat.Messages.Read;
import org.anteroom.platform.Settings;

/**
 * The acknowledgements of message events, taken in in batches: every acknowledgement waits at most
 * {@code anteroom.bridge.ack-batch-millis} (5) and then all that arrived meanwhile, from every bot
 * socket, are written in one transaction. A hundred bots acknowledging one message cost one delete,
 * not a hundred transactions (decision 0025).
 *
 * <p>What the protocol promises after an acknowledgement is that the message is read: it is not in the
 * bot's unread count nor in a later backlog. {@link #flush()} runs before either is read, so they see
 * every acknowledgement taken in before. A crash loses at most the last batch's acknowledgements:
 * those messages stay unread and come again with the next backlog, as an acknowledgement that never
 * arrived would.
 */
@ApplicationScoped
class Acknowledgements {

    private static final Logger LOG = Logger.getLogger(Acknowledgements.class.getName());

    @Inject
    Messages messages;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentLinkedQueue<Read> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** The user's bot acknowledged the event of this message. */
    void add(String userId, long messageId) {
        waiting.add(new Read(userId, messageId));
        if (scheduled.compareAndSet(false, true)) {
            scheduler.schedule(
                    this::flush,
                    Math.max(0, Settings.number(BridgeSettings.ACK_BATCH_MILLIS, 5)),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes every acknowledgement taken in so far, and returns once they are committed. Serialized, so
     * a caller also waits for a batch another thread is still writing.
     */
    synchronized void flush() {
        scheduled.set(false);
        List<Read> batch = new ArrayList<>();
        for (Read read = waiting.poll(); read != null; read = waiting.poll()) {
            batch.add(read);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            messages.read(batch);
        } catch (RuntimeException e) {
            // Those messages stay unread: the bots get them again with their next backlog.
            LOG.log(Level.WARNING, "Marking " + batch.size() + " messages read failed", e);
        }
    }

    @PreDestroy
    void stop() {
        flush();
    }
}
