package org.anteroom.presence.hub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.anteroom.platform.Elsewhere;
import org.anteroom.platform.Failures;
import org.anteroom.platform.Settings;
import org.anteroom.platform.SocketFrames;
import org.anteroom.platform.SocketFrames.Frame;
import org.anteroom.platform.StreamLog;

/**
 * The hub's two kinds of stream (docs/hub-events.md, "Resuming"): a room's traffic, {@code room:<room uuid>}, and
 * what is for one user, which that user's sockets know as {@code user}. Every frame of either is numbered in its
 * stream inside the transaction that produced it ({@link StreamLog}) and carries {@code stream} and {@code seq}; a
 * client that reconnects within the window names the last number it saw of each and gets what it missed, in order,
 * before live frames, on any node; past the window it gets {@code resync}.
 */
@ApplicationScoped
class Streams {

    static final String RESUME_SECONDS = "anteroom.hub.resume-seconds";
    static final String RESUME_FRAMES = "anteroom.hub.resume-frames";
    /** What the client calls its own user stream. */
    static final String USER = "user";

    private static final Logger LOG = Logger.getLogger(Streams.class.getName());
    private static final String ROOM = "room:";
    private static final String USER_PREFIX = "user:";

    @Inject
    StreamLog log;

    @Inject
    Connections connections;

    @Inject
    Clock clock;

    @Inject
    Event<SocketFrames> outgoing;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private Duration window;
    private int maxFrames;
    private ScheduledFuture<?> sweeping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        window = Duration.ofSeconds(Settings.number(RESUME_SECONDS, 120));
        maxFrames = (int) Math.max(1, Math.min(100_000, Settings.number(RESUME_FRAMES, 1000)));
        long every = Math.max(5, window.toSeconds() / 4);
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** Numbers and keeps a frame of the room's traffic (inside the caller's transaction). */
    Frame room(String roomId, String json) {
        return room(roomId, null, json);
    }

    /** The same for the frame that lets {@code entrant} (a user id) into the room's traffic. */
    Frame room(String roomId, String entrant, String json) {
        String stream = ROOM + roomId;
        return log.append(stream, clock.instant(), entrant, seq -> numbered(json, stream, seq));
    }

    /** Numbers and keeps a frame for one user (inside the caller's transaction). */
    Frame user(String userId, String json) {
        return log.append(USER_PREFIX + userId, clock.instant(), null, seq -> numbered(json, USER, seq));
    }

    /** Hands a transaction's frames to the other nodes of a cluster, which send them as they are. */
    void announce(List<Frame> frames) {
        if (!frames.isEmpty()) {
            outgoing.fire(new SocketFrames(List.copyOf(frames)));
        }
    }

    /**
     * Sends committed frames to this node's sockets of their streams, each stream in its order. Numbers follow the
     * commits, but the frames of one stream reach a node on several threads (its own commits, the cluster listener),
     * so one can come before the one numbered just before it: it waits, the earlier one is read from the log (it
     * committed first, so it is there), and both go out in order.
     */
    void deliver(List<Frame> frames) {
        frames.forEach(this::deliver);
    }

    private void deliver(Frame frame) {
        Order order = orders.computeIfAbsent(frame.stream(), stream -> new Order());
        boolean fill;
        synchronized (order) {
            order.touched = clock.millis();
            if (order.last < 0) {
                order.last = frame.seq() - 1;
            }
            if (frame.seq() <= order.last) {
                return;
            }
            order.early.put(frame.seq(), frame);
            drain(order);
            fill = !order.early.isEmpty() && !order.filling;
            order.filling |= fill;
        }
        if (fill) {
            executor.execute(() -> fill(frame.stream(), order));
        }
    }

    /** Sends the frames whose turn it is; the caller holds the order's lock. */
    private void drain(Order order) {
        while (!order.early.isEmpty() && order.early.firstKey() == order.last + 1) {
            Frame next = order.early.pollFirstEntry().getValue();
            order.last = next.seq();
            send(next);
        }
    }

    private void fill(String stream, Order order) {
        long after;
        synchronized (order) {
            after = order.last;
        }
        List<StreamLog.Kept> missing;
        try {
            missing = log.since(stream, after, Instant.EPOCH, maxFrames);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not read the frames a stream missed (" + why(e) + ")");
            missing = List.of();
        }
        synchronized (order) {
            for (StreamLog.Kept kept : missing) {
                if (kept.frame().seq() > order.last) {
                    order.early.putIfAbsent(kept.frame().seq(), kept.frame());
                }
            }
            drain(order);
            if (!order.early.isEmpty()) {
                // Not in the log any more: the sockets cannot have these frames, so they are told to reload.
                order.last = order.early.firstKey() - 1;
                resync(stream);
                drain(order);
            }
            order.filling = false;
        }
    }

    private void send(Frame frame) {
        if (frame.stream().startsWith(ROOM)) {
            connections.toRoom(frame.stream().substring(ROOM.length()), frame);
        } else if (frame.stream().startsWith(USER_PREFIX)) {
            connections.toUser(frame.stream().substring(USER_PREFIX.length()), frame);
        }
    }

    private void resync(String stream) {
        if (stream.startsWith(ROOM)) {
            String notice = resyncNotice(stream);
            connections.inRoom(stream.substring(ROOM.length())).forEach(connection -> connection.send(notice));
        } else if (stream.startsWith(USER_PREFIX)) {
            String notice = resyncNotice(USER);
            connections.of(stream.substring(USER_PREFIX.length()), null).forEach(connection -> connection.send(notice));
        }
    }

    /** Another node committed them: this node's sockets get the same frames. */
    void deliverElsewhere(@Observes Elsewhere committed) {
        if (committed.event() instanceof SocketFrames frames) {
            deliver(frames.frames());
        }
    }

    /**
     * This node may have missed frames and moves of other nodes (its cluster listener was down): every hub socket
     * here is closed with 1012, and its client reconnects and resumes, getting what it missed from the log.
     */
    void missedElsewhere(@Observes Elsewhere.Gap gap) {
        orders.clear();
        List<Connection> all = connections.all();
        if (!all.isEmpty()) {
            executor.execute(() -> all.forEach(connection -> connection.close(Closing.RESYNC)));
        }
    }

    /**
     * What a reconnecting socket missed of the streams it names (its own user stream; the traffic of the room it
     * is in now), sent before anything live: the missed frames, oldest first, or {@code resync} for a stream whose
     * frames after that number are not all kept any more (or which is not this socket's).
     */
    void resume(Connection connection, Map<String, Long> lastSeen) {
        List<String> resync = new ArrayList<>();
        List<StreamLog.Kept> missed = new ArrayList<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        try {
            lastSeen.forEach((name, after) -> {
                String stream = stream(connection, name);
                List<StreamLog.Kept> frames = stream == null ? null : missed(connection, stream, after);
                if (frames == null) {
                    resync.add(name);
                } else {
                    missed.addAll(frames);
                    seen.put(stream, after);
                }
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "A hub resume could not be read; the socket is told to resync (" + why(e) + ")");
            resync.clear();
            resync.addAll(lastSeen.keySet());
            missed.clear();
            seen.clear();
        }
        missed.sort(Comparator.comparingLong(StreamLog.Kept::order));
        connection.release(
                seen,
                resync.stream().map(Streams::resyncNotice).toList(),
                missed.stream().map(StreamLog.Kept::frame).toList());
    }

    /**
     * Every frame after {@code after}, or null when some are gone, when the number is not one of this stream's, or
     * when it reaches back to before the user last entered the room (what came before is not theirs).
     */
    private List<StreamLog.Kept> missed(Connection connection, String stream, long after) {
        long last = log.last(stream);
        if (after == last) {
            return List.of();
        }
        if (after > last || last - after > maxFrames) {
            return null;
        }
        if (stream.startsWith(ROOM) && after + 1 < log.entered(stream, connection.userId())) {
            return null;
        }
        List<StreamLog.Kept> kept = log.since(stream, after, clock.instant().minus(window), maxFrames);
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).frame().seq() != after + 1 + i) {
                return null;
            }
        }
        return kept.isEmpty() || kept.get(kept.size() - 1).frame().seq() < last ? null : kept;
    }

    private static String stream(Connection connection, String name) {
        if (USER.equals(name)) {
            return USER_PREFIX + connection.userId();
        }
        if (name.startsWith(ROOM) && name.substring(ROOM.length()).equals(connection.roomId())) {
            return name;
        }
        return null;
    }

    private static String numbered(String json, String stream, long seq) {
        return json.substring(0, json.length() - 1) + ",\"stream\":" + Json.createValue(stream) + ",\"seq\":" + seq
                + "}";
    }

    /** Also forgets the order of streams idle for longer than the window. Never stops on a failure. */
    private void sweep() {
        try {
            long idle = clock.millis() - window.toMillis();
            orders.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().early.isEmpty() && entry.getValue().touched < idle;
                }
            });
            log.sweep(clock.instant().minus(window).minusSeconds(30));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Sweeping the hub's old frames failed; next time again (" + why(e) + ")");
        }
    }

    /** What failed, without a message that could quote a statement or its values. */
    private static String why(RuntimeException e) {
        return Failures.unwrap(e).getClass().getSimpleName();
    }

    private static String resyncNotice(String stream) {
        return Json.createObjectBuilder()
                .add("type", "resync")
                .add("stream", stream)
                .build()
                .toString();
    }

    /** Per stream on this node: the last number its sockets were sent, and frames that came before their turn. */
    private static final class Order {
        long last = -1;
        long touched;
        boolean filling;
        final TreeMap<Long, Frame> early = new TreeMap<>();
    }
}
