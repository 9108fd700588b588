package org.anteroom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.anteroom.access.AccessEvent;
import org.anteroom.access.TokensRevoked;
import org.anteroom.chat.ChatEvent;
import org.anteroom.directory.UserChanged;
import org.anteroom.platform.SocketFrames;
import org.anteroom.rooms.RoomEvent;
import org.junit.jupiter.api.Test;

/** Every event that crosses nodes arrives as it left, in order, and nothing else is built from a message. */
class EventCodecTest {

    private final AtomicInteger counter = new AtomicInteger();

    @Test
    void everyEventTypeArrivesEqualAndInOrder() {
        List<Object> sent = Stream.of(RoomEvent.class, ChatEvent.class, AccessEvent.class)
                .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
                .map(type -> (Object) sample(type))
                .toList();
        List<Object> all = new ArrayList<>(sent);
        all.add(new TokensRevoked());
        all.add(sample(SocketFrames.class));
        ClusterMessage message = new ClusterMessage("node-a", Instant.EPOCH);
        all.forEach(event -> message.add(EventCodec.encode(event)));

        assertEquals(all, EventCodec.decode(message.body()));
        assertTrue(all.size() > 20, "all three families are there");
    }

    @Test
    void onlyTheDomainsEventsCross() {
        assertFalse(EventCodec.crosses(new UserChanged("u", "r")), "announced by the database, not by a message");
        assertThrows(IllegalArgumentException.class, () -> EventCodec.encode("a string"));
    }

    @Test
    void aTypeThisNodeDoesNotKnowIsSkippedAndTheRestArrive() {
        String tokens = EventCodec.encode(new TokensRevoked());
        String body = "[{\"type\":\"java.io.File\",\"event\":{\"path\":\"/etc/passwd\"}}," + tokens + "]";

        assertEquals(List.of(new TokensRevoked()), EventCodec.decode(body));
    }

    /** A record of the type with a distinct value in every component, nested records included. */
    private Object sample(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types =
                    Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] values = Stream.of(components)
                    .map(component -> value(component.getType(), component.getGenericType()))
                    .toArray();
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getName(), e);
        }
    }

    private Object value(Class<?> type, Type generic) {
        int n = counter.incrementAndGet();
        if (type == String.class) {
            return "value-" + n;
        }
        if (type == long.class || type == Long.class) {
            return (long) n;
        }
        if (type == int.class || type == Integer.class) {
            return n;
        }
        if (type == boolean.class || type == Boolean.class) {
            return n % 2 == 0;
        }
        if (type == Instant.class) {
            return Instant.ofEpochMilli(1_700_000_000_000L + n);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[n % constants.length];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) element, element), value((Class<?>) element, element));
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new AssertionError("No sample for " + type.getName() + ": teach the test, and check the codec reads it");
    }
}
