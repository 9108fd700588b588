package org.anteroom.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.anteroom.directory.UserChanged;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.Elsewhere;
import org.anteroom.rooms.Member;
import org.anteroom.rooms.RoomEvent;
import org.anteroom.rooms.RoomEvent.MemberJoined;
import org.anteroom.rooms.RoomEvent.MemberLeft;
import org.anteroom.rooms.Rooms;

/**
 * The {@code members} of each room as the presence rooms list writes them: the JSON array, encoded
 * once per change of the room instead of once per request (decision 0025). A room is evicted after
 * every commit that moved someone into or out of it (the room events, including the hub's
 * connections and lapses) or changed one of its people ({@link UserChanged}); the next request
 * builds it again from the database. {@link #evict(String)} is the one way out, for other nodes too.
 *
 * <p>No stale answer: a list built from what the database held before a change is kept only if no
 * eviction happened since that build began (a stamp, checked and stored under one lock with the
 * evictions), and every eviction runs after its transaction committed, before the change's answer or
 * events leave.
 */
@ApplicationScoped
public class MemberLists {

    /** Plenty for the rooms people use at once; past it the cache starts over rather than grow. */
    static final int MAX_ROOMS = 10_000;

    @Inject
    Rooms rooms;

    @Inject
    AfterCommit afterCommit;

    private final Map<String, String> encoded = new ConcurrentHashMap<>();
    /** Evictions so far: a build that began before one may hold what that eviction was for. */
    private long evictions;

    /** The encoded members of each room, by room id, in the order asked. */
    Map<String, String> json(Collection<String> roomIds) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String room : roomIds) {
            String json = encoded.get(room);
            found.put(room, json);
            if (json == null) {
                missing.add(room);
            }
        }
        if (!missing.isEmpty()) {
            long stamp = stamp();
            Map<String, String> built = new LinkedHashMap<>();
            rooms.members(missing).forEach((room, members) -> built.put(room, encode(members)));
            found.putAll(built);
            keep(stamp, built);
        }
        return found;
    }

    /** Forgets one room's members: the next request builds them again. */
    public synchronized void evict(String roomId) {
        evictions++;
        encoded.remove(roomId);
    }

    /** Forgets every room's members. */
    public synchronized void evictAll() {
        evictions++;
        encoded.clear();
    }

    /** Before the hub's relay hands in its frames: evicted first, then announced. */
    void roomChanged(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) RoomEvent event) {
        if (event instanceof MemberJoined || event instanceof MemberLeft) {
            String room = event.room().id();
            afterCommit.run(() -> evict(room));
        }
    }

    /**
     * Fired while the change is written, which may be during the commit itself. Should the transaction
     * manager take no more work at that point, the room is evicted at once instead: never a failed
     * commit for a cache.
     */
    void userChanged(@Observes UserChanged event) {
        try {
            afterCommit.run(() -> evict(event.roomId()));
        } catch (IllegalStateException tooLate) {
            evict(event.roomId());
        }
    }

    /** Another node moved someone into or out of a room, or changed one of its people. Before the relays, as here. */
    void changedElsewhere(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Elsewhere committed) {
        if (committed.event() instanceof MemberJoined || committed.event() instanceof MemberLeft) {
            evict(((RoomEvent) committed.event()).room().id());
        } else if (committed.event() instanceof UserChanged changed) {
            evict(changed.roomId());
        }
    }

    /** This node may have missed changes made elsewhere. */
    void missedElsewhere(@Observes Elsewhere.Gap gap) {
        evictAll();
    }

    private synchronized long stamp() {
        return evictions;
    }

    private synchronized void keep(long stamp, Map<String, String> built) {
        if (stamp != evictions) {
            return;
        }
        if (encoded.size() + built.size() > MAX_ROOMS) {
            encoded.clear();
        }
        encoded.putAll(built);
    }

    private static String encode(List<Member> members) {
        return MemberCodec.json().toJson(members.stream().map(MemberCodec::of).toList());
    }
}
