package org.anteroom.presence.hub;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.anteroom.chat.ChatEvent;
import org.anteroom.chat.ChatEvent.MessageEdited;
import org.anteroom.chat.ChatEvent.MessagePosted;
import org.anteroom.chat.ChatEvent.MessageRemoved;
import org.anteroom.platform.AfterCommit;
import org.anteroom.platform.SocketFrames.Frame;
import org.anteroom.presence.MessageFacts;

/**
 * The room chats' messages for the people in the room: {@code chat-message}, {@code chat-message-edited}
 * and {@code chat-message-removed} (docs/hub-events.md), so a person sees a bot's reply as it comes.
 * Rendered and numbered in the room's stream inside the firing transaction ({@link Streams}), sent through
 * {@link AfterCommit}: once committed, in the order fired, after the room events fired before them.
 */
@ApplicationScoped
class RoomChatRelay {

    @Inject
    Streams streams;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    void relay(@Observes ChatEvent event) {
        List<Frame> frames = frames(event);
        if (!frames.isEmpty()) {
            afterCommit.run(() -> streams.deliver(frames));
            streams.announce(frames);
        }
    }

    private List<Frame> frames(ChatEvent event) {
        if (event instanceof MessagePosted e && e.roomId() != null) {
            return List.of(streams.room(
                    e.roomId(),
                    message("chat-message", e.roomId())
                            .add("message", MessageFacts.of(e.message()))
                            .build()
                            .toString()));
        } else if (event instanceof MessageEdited e && e.roomId() != null) {
            return List.of(streams.room(
                    e.roomId(),
                    message("chat-message-edited", e.roomId())
                            .add("message", MessageFacts.of(e.message()))
                            .build()
                            .toString()));
        } else if (event instanceof MessageRemoved e && e.roomId() != null) {
            return List.of(streams.room(
                    e.roomId(),
                    message("chat-message-removed", e.roomId())
                            .add("messageId", Long.toString(e.messageId()))
                            .build()
                            .toString()));
        }
        return List.of();
    }

    private JsonObjectBuilder message(String type, String roomId) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("at", clock.millis())
                .add("room", Json.createObjectBuilder().add("uuid", roomId));
    }
}
