package org.anteroom.presence;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.anteroom.access.Identity;
import org.anteroom.access.OtpChallenges.Redeemed;
import org.anteroom.presence.RoomFacts.MemberFact;

/** The presence wire records of the identity endpoints, shaped exactly like the spec's samples. */
public final class PresenceFacts {

    private PresenceFacts() {}

    /**
     * A user record: the member's fields ({@link MemberCodec}) and the session's permissions; absent values
     * are explicit nulls.
     */
    @JsonbNillable
    @JsonbPropertyOrder({"uuid", "name", "device", "type", "created", "modified", "method", "room", "permissions"})
    public record UserFact(
            String uuid,
            String name,
            String device,
            String type,
            long created,
            long modified,
            String method,
            String room,
            List<String> permissions) {

        static UserFact of(MemberFact member, List<String> permissions) {
            return new UserFact(
                    member.uuid(),
                    member.name(),
                    member.device(),
                    member.type(),
                    member.created(),
                    member.modified(),
                    member.method(),
                    member.room(),
                    permissions);
        }
    }

    @JsonbPropertyOrder({"name", "code"})
    public record AuthSource(String name, String code) {}

    @JsonbPropertyOrder({"authSource", "subject", "uid", "name", "uuid"})
    public record SessionFact(
            @JsonbProperty("auth_source") AuthSource authSource, String subject, String uid, String name, String uuid) {

        static SessionFact of(Identity identity, String uuid) {
            return new SessionFact(
                    new AuthSource(identity.authName(), identity.authCode()),
                    identity.subject(),
                    identity.uid(),
                    identity.name(),
                    uuid);
        }
    }

    /** {@code GET /login}. */
    public record LoginFact(SessionFact session) {}

    @JsonbPropertyOrder({"token", "userInfo", "tokenInfo"})
    public record TokenFact(
            String token,
            @JsonbProperty("user_info") SessionFact userInfo,
            @JsonbProperty("token_info") AuthSource tokenInfo) {}

    /** {@code POST /otp/validate}. */
    @JsonbPropertyOrder({"email", "name", "token"})
    public record OtpFact(String email, String name, TokenFact token) {

        static OtpFact of(Redeemed redeemed) {
            Identity identity = redeemed.identity();
            SessionFact info = SessionFact.of(identity, identity.uuid());
            return new OtpFact(
                    redeemed.email(), redeemed.name(), new TokenFact(redeemed.token(), info, info.authSource()));
        }
    }
}
