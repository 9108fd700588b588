package org.anteroom.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.anteroom.directory.Device;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.ProfileChange;
import org.anteroom.directory.ProfileView;
import org.anteroom.directory.UserType;
import org.anteroom.presence.PresenceFacts.UserFact;
import org.anteroom.presence.RoomFacts.MemberFact;
import org.anteroom.rooms.Member;

/**
 * The presence member, written once: the wire names of devices, user types and login methods, epoch
 * milliseconds, and the mapping of the domain's views ({@link Member}, {@link ProfileView}) to the one
 * wire record, {@link MemberFact}. The REST answers (rooms' {@code members}, the user record) and the hub
 * frames ({@code user}, {@code approvedBy}, ...) carry that record, serialized by JSON-B.
 */
public final class MemberCodec {

    private MemberCodec() {}

    /**
     * The JSON-B the hub frames are written with, shared and thread-safe; the default configuration,
     * like the JAX-RS provider's that writes the REST answers, so both give the same bytes.
     */
    public static Jsonb json() {
        return Shared.JSON;
    }

    /** Created on first use, so the rest of the codec needs no JSON-B provider (the unit tests have none). */
    private static final class Shared {
        static final Jsonb JSON = JsonbBuilder.create();
    }

    public static MemberFact of(Member member) {
        return fact(
                member.uuid(),
                member.name(),
                member.device(),
                member.type(),
                member.created(),
                member.modified(),
                member.method(),
                member.roomId());
    }

    static UserFact of(ProfileView user) {
        return UserFact.of(
                fact(
                        user.uuid(),
                        user.name(),
                        user.device(),
                        user.type(),
                        user.created(),
                        user.modified(),
                        user.method(),
                        user.roomId()),
                user.permissions());
    }

    private static MemberFact fact(
            String uuid,
            String name,
            Device device,
            UserType type,
            Instant created,
            Instant modified,
            LoginMethod method,
            String room) {
        return new MemberFact(
                uuid,
                name,
                device == null ? null : device(device),
                type == null ? null : type(type),
                created.toEpochMilli(),
                modified.toEpochMilli(),
                method == null ? null : method(method),
                room);
    }

    static String device(Device device) {
        return switch (device) {
            case WEB_UI -> "WebUI";
            case IPAD -> "iPad";
            case EMBEDDED_NODE -> "EmbeddedNode";
            case DMM_V1 -> "DMM-v1";
            case BOROSCOPE_V1 -> "Boroscope-v1";
            case OPTICAL_MICROMETER_V1 -> "OpticalMicrometer-v1";
            case GENERIC_CAMERA_V1 -> "GenericCamera-v1";
        };
    }

    static String type(UserType type) {
        return switch (type) {
            case REMOTE_EXPERT -> "RemoteExpert";
            case ON_SITE_USER -> "OnSiteUser";
            case EMBEDDED_NODE -> "EmbeddedNode";
            case TOOL -> "Tool";
        };
    }

    static String method(LoginMethod method) {
        return switch (method) {
            case GOOGLE -> "google";
            case APPLE -> "apple";
            case CAC -> "cac";
            case EMAIL -> "email";
        };
    }

    /**
     * A user's change to its own record, from the wire values: the enums by their wire names (every
     * unknown one reported, after the domain's rules of name and uid, in one answer).
     */
    static ProfileChange change(String uuid, String uid, String name, String device, String type, String method) {
        List<String> problems = new ArrayList<>();
        Device parsedDevice = parse("device", device, Device.values(), MemberCodec::device, problems);
        UserType parsedType = parse("type", type, UserType.values(), MemberCodec::type, problems);
        LoginMethod parsedMethod = parse("method", method, LoginMethod.values(), MemberCodec::method, problems);
        return ProfileChange.of(uuid, uid, name, parsedDevice, parsedType, parsedMethod, problems);
    }

    private static <E> E parse(
            String field, String wire, E[] values, Function<E, String> names, List<String> problems) {
        if (wire == null) {
            return null;
        }
        Optional<E> found = Arrays.stream(values)
                .filter(value -> names.apply(value).equals(wire))
                .findFirst();
        if (found.isEmpty()) {
            problems.add(field + " must be one of "
                    + String.join(", ", Arrays.stream(values).map(names).toList()));
        }
        return found.orElse(null);
    }
}
