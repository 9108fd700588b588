package org.anteroom.access;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.anteroom.directory.ProfileView;
import org.anteroom.directory.User;
import org.anteroom.directory.Users;
import org.anteroom.platform.ConflictException;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.Settings;
import org.anteroom.platform.UnknownEntityException;

/**
 * The JWTs we hand out after a login: the room token the assets service accepts for the room the
 * user is in, the token that opens the realtime hub socket, and a chat bot's bridge token. Each has
 * its own audience, so none can stand in for another or for a login token.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String HUB_AUDIENCE = "anteroom-hub";
    public static final Duration ROOM_TOKEN_LIFETIME = Duration.ofMinutes(10);
    public static final Duration HUB_TOKEN_LIFETIME = Duration.ofMinutes(2);
    /** The hub token's claim naming the presence session ({@link PresenceSession#id()}) it was issued to. */
    private static final String SESSION_CLAIM = "sid";

    public static final String BOT_AUDIENCE = "anteroom-bridge";
    /** The claim of a bridge token naming the user's token generation it was issued under. */
    static final String GENERATION = "gen";

    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Users users;

    @Inject
    Clock clock;

    /** The assets-service token for the room the user is in now; 409 for a user in no room. */
    public String forRoom(ProfileView user) {
        String roomId = user.roomId();
        if (roomId == null) {
            throw new ConflictException("You are not in a room");
        }
        Instant now = clock.instant();
        return signingKeys.sign(new JWTClaimsSet.Builder()
                .issuer(AccessSettings.issuer())
                .audience(Settings.text(AccessSettings.ASSETS_AUDIENCE, "assets"))
                .subject(Objects.requireNonNull(user.uuid(), "A presence user has a uuid"))
                .claim("room", roomId)
                .claim("name", user.name())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ROOM_TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** The token that opens one realtime hub connection of the user, under the session that asked for it. */
    public String forHub(String userUuid, String sessionId) {
        Instant now = clock.instant();
        return signingKeys.sign(new JWTClaimsSet.Builder()
                .issuer(AccessSettings.issuer())
                .audience(HUB_AUDIENCE)
                .subject(userUuid)
                .claim(SESSION_CLAIM, sessionId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(HUB_TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** A current hub token of ours: whose it is, the session it names, and its single-use id. */
    public record HubToken(String userUuid, String sessionId, String jti, Instant expires) {}

    /** A current hub token of ours; anything else is refused. Whether it was used is {@link HubSockets}' part. */
    public HubToken verifyHub(String token) {
        String uuid = verify(token, HUB_AUDIENCE, "hub");
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            String sessionId = claims.getStringClaim(SESSION_CLAIM);
            if (sessionId == null || claims.getJWTID() == null) {
                throw new NotAuthenticatedException("The hub token names no session");
            }
            return new HubToken(
                    uuid,
                    sessionId,
                    claims.getJWTID(),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new NotAuthenticatedException("The hub token is not a signed JWT");
        }
    }

    /** A signed bridge token with its issue and expiry instants, for a chat bot that proved its password. */
    public record BotToken(String token, Instant issued, Instant expires) {

        /** The token's lifetime in whole seconds, as its {@code iat} and {@code exp} claims say. */
        public long lifetimeSeconds() {
            return expires.getEpochSecond() - issued.getEpochSecond();
        }
    }

    public BotToken forBot(BotPrincipal bot) {
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(Settings.number(
                AccessSettings.BRIDGE_TOKEN_SECONDS, Duration.ofDays(30).toSeconds()));
        String token = signingKeys.sign(new JWTClaimsSet.Builder()
                .issuer(AccessSettings.issuer())
                .audience(BOT_AUDIENCE)
                .subject(bot.userId())
                .claim(GENERATION, bot.tokenGeneration())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build());
        return new BotToken(token, now, expires);
    }

    /**
     * The bot a bridge token of ours was issued to, while the token still stands for it. An expired
     * token is a {@link TokenExpiredException}; a user no longer ACTIVE an {@link AccountDisabledException};
     * a token issued before the user's tokens were revoked (a new password, a suspension) a
     * {@link TokenRevokedException}; anything else that is not a current bridge token of ours a
     * {@link NotAuthenticatedException}. Tokens without a generation were issued under generation 0.
     * The user's row is read once; only its own columns, so no transaction need hold it.
     */
    public BotPrincipal verifyBot(String token) {
        JWTClaimsSet claims = claims(token, BOT_AUDIENCE, "bridge");
        User user;
        try {
            user = users.user(claims.getSubject());
        } catch (UnknownEntityException e) {
            throw new NotAuthenticatedException("The bridge token's user does not exist");
        }
        if (!user.active()) {
            throw new AccountDisabledException("The user is not active");
        }
        Object generation = claims.getClaim(GENERATION);
        long issuedUnder = generation == null ? 0 : generation instanceof Number n ? n.longValue() : -1;
        if (issuedUnder != user.tokenGeneration()) {
            throw new TokenRevokedException("The bridge token was revoked");
        }
        return BotPrincipal.of(user);
    }

    private String verify(String token, String audience, String kind) {
        return claims(token, audience, kind).getSubject();
    }

    private JWTClaimsSet claims(String token, String audience, String kind) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new NotAuthenticatedException("A " + kind + " token is required");
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!signingKeys.signed(jwt)) {
                throw new NotAuthenticatedException("The " + kind + " token is not ours");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new NotAuthenticatedException("The " + kind + " token is not a signed JWT");
        }
        Date expires = claims.getExpirationTime();
        if (!AccessSettings.issuer().equals(claims.getIssuer())
                || claims.getAudience() == null
                || !claims.getAudience().contains(audience)
                || claims.getSubject() == null) {
            throw new NotAuthenticatedException("The token is not a " + kind + " token");
        }
        if (expires == null || !expires.toInstant().isAfter(clock.instant())) {
            throw new TokenExpiredException("The " + kind + " token has expired");
        }
        return claims;
    }
}
