package org.anteroom.presence.hub;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;

import org.anteroom.platform.Elsewhere;
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
        String stream = ROOM + roomId;
        return log.append(stream, clock.instant(), seq -> numbered(json, stream, seq));
    }

    /** Numbers and keeps a frame for one user (inside the caller's transaction). */
    Frame user(String userId, String json) {
        return log.append(USER_PREFIX + userId, clock.instant(), seq -> numbered(json, USER, seq));
    }

    /** Hands a transaction's frames to the other nodes of a cluster, which send them as they are. */
    void announce(List<Frame> frames) {
        if (!frames.isEmpty()) {
            outgoing.fire(new SocketFrames(List.copyOf(frames)));
        }
    }

    /** Sends committed frames to this node's sockets of their streams. */
    void deliver(List<Frame> frames) {
        for (Frame frame : frames) {
            if (frame.stream().startsWith(ROOM)) {
                connections.toRoom(frame.stream().substring(ROOM.length()), frame);
            } else if (frame.stream().startsWith(USER_PREFIX)) {
                connections.toUser(frame.stream().substring(USER_PREFIX.length()), frame);
            }
        }
    }

    /** Another node committed them: this node's sockets get the same frames. */
    void deliverElsewhere(@Observes Elsewhere committed) {
        if (committed.event() instanceof SocketFrames frames) {
            deliver(frames.frames());
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
        lastSeen.forEach((name, after) -> {
            String stream = stream(connection, name);
            List<StreamLog.Kept> frames = stream == null ? null : missed(stream, after);
            if (frames == null) {
                resync.add(name);
            } else {
                missed.addAll(frames);
                seen.put(stream, after);
            }
        });
        missed.sort(Comparator.comparingLong(StreamLog.Kept::order));
        List<String> resyncFrames = resync.stream()
                .map(name -> Json.createObjectBuilder()
                        .add("type", "resync")
                        .add("stream", name)
                        .build()
                        .toString())
                .toList();
        connection.release(
                seen, resyncFrames, missed.stream().map(StreamLog.Kept::frame).toList());
    }

    /** Every frame after {@code after}, or null when some are gone (or the number is not one of this stream's). */
    private List<StreamLog.Kept> missed(String stream, long after) {
        long last = log.last(stream);
        if (after == last) {
            return List.of();
        }
        if (after > last || last - after > maxFrames) {
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

    private void sweep() {
        log.sweep(clock.instant().minus(window).minusSeconds(30));
    }
}
