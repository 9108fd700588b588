package org.anteroom.access;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.anteroom.directory.LoginMethod;
import org.anteroom.directory.UserRules;
import org.anteroom.platform.NotAuthenticatedException;
import org.anteroom.platform.Settings;

/**
 * The JWTs {@code /presence/login} accepts, and the ones we issue for it after an email one-time
 * code. A token is trusted when one of our own keys signed it (then it must be one of our login
 * tokens: our issuer, our login audience) or a key of the trusted JWKS did (then its issuer must be
 * one of {@code anteroom.auth.trusted-issuers}). Only asymmetric algorithms are allowed: {@code none}
 * cannot even be parsed as a signed JWT, and HS* would let anyone holding a shared secret mint logins.
 */
@ApplicationScoped
public class LoginTokens {

    /** The audience of the login tokens we issue, so no other JWT of ours (room, hub) opens a session. */
    public static final String LOGIN_AUDIENCE = "anteroom-presence-login";
    /** The auth source code of our own email one-time-code logins. */
    public static final String OTP_AUTH_CODE = "anteroom.otp";

    static final Set<JWSAlgorithm> ALLOWED = Set.of(
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration OTP_TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final String REFUSED = "The login token is not trusted";

    @Inject
    SigningKeys signingKeys;

    @Inject
    TrustedKeys trustedKeys;

    @Inject
    Clock clock;

    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    /** The identity a trusted, current login token vouches for; anything else is refused with 401. */
    public Identity verify(String token) {
        if (token == null || token.isBlank()) {
            throw new NotAuthenticatedException("A bearer token from a trusted auth service is required");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new NotAuthenticatedException(REFUSED);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new NotAuthenticatedException("The login token is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALLOWED.contains(header.getAlgorithm())) {
            throw new NotAuthenticatedException(
                    "The login token's algorithm " + header.getAlgorithm() + " is not accepted");
        }
        boolean ours = verifiedBy(jwt, ownKeys(header.getKeyID()));
        if (!ours && !verifiedBy(jwt, trustedKeys.candidates(header.getKeyID()))) {
            throw new NotAuthenticatedException(REFUSED);
        }
        checkTimes(claims);
        checkIssuerAndAudience(claims, ours);
        return identity(claims, ours);
    }

    /** Our login token for a caller who proved an email address with a one-time code. */
    public String issueForEmail(String email, String name, String uuid) {
        Instant now = clock.instant();
        return signingKeys.sign(new JWTClaimsSet.Builder()
                .issuer(AccessSettings.issuer())
                .audience(LOGIN_AUDIENCE)
                .subject(uuid)
                .claim("uid", email)
                .claim("email", email)
                .claim("name", name)
                .claim("uuid", uuid)
                .claim("method", LoginMethod.EMAIL.code())
                .claim("auth_source", Map.of("name", AccessSettings.issuer(), "code", OTP_AUTH_CODE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(OTP_TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    private List<JWK> ownKeys(String kid) {
        return signingKeys.publicKeys().getKeys().stream()
                .filter(key -> kid != null && kid.equals(key.getKeyID()))
                .toList();
    }

    private boolean verifiedBy(SignedJWT jwt, List<JWK> keys) {
        for (JWK key : keys) {
            if (key.getAlgorithm() != null
                    && !key.getAlgorithm().equals(jwt.getHeader().getAlgorithm())) {
                continue;
            }
            try {
                Key publicKey = publicKey(key);
                if (publicKey == null) {
                    continue;
                }
                JWSVerifier verifier = verifiers.createJWSVerifier(jwt.getHeader(), publicKey);
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | RuntimeException e) {
                // A key of the wrong type or size for this algorithm: not the key that signed it.
            }
        }
        return false;
    }

    private static Key publicKey(JWK key) throws JOSEException {
        if (key instanceof ECKey ec) {
            return ec.toECPublicKey();
        }
        if (key instanceof RSAKey rsa) {
            return rsa.toRSAPublicKey();
        }
        return null;
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new NotAuthenticatedException("The login token has no expiry");
        }
        if (!now.minus(SKEW).isBefore(expires.toInstant())) {
            throw new NotAuthenticatedException("The login token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(SKEW).isBefore(notBefore.toInstant())) {
            throw new NotAuthenticatedException("The login token is not valid yet");
        }
    }

    private static void checkIssuerAndAudience(JWTClaimsSet claims, boolean ours) {
        String issuer = claims.getIssuer();
        List<String> audience = claims.getAudience();
        if (ours) {
            if (!AccessSettings.issuer().equals(issuer) || !audience.contains(LOGIN_AUDIENCE)) {
                throw new NotAuthenticatedException(REFUSED);
            }
            return;
        }
        if (issuer == null || !Settings.list(AccessSettings.TRUSTED_ISSUERS, "").contains(issuer)) {
            throw new NotAuthenticatedException("The login token's issuer is not trusted");
        }
        Optional<String> required = Settings.text(AccessSettings.AUTH_AUDIENCE);
        if (required.isPresent() && !audience.contains(required.get())) {
            throw new NotAuthenticatedException("The login token is not meant for this service");
        }
    }

    private static Identity identity(JWTClaimsSet claims, boolean ours) {
        String subject = claims.getSubject();
        String uid = text(claims, "uid").or(() -> text(claims, "email")).orElse(null);
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new NotAuthenticatedException("The login token names no subject");
        }
        if (uid == null || !UserRules.validEmail(uid)) {
            throw new NotAuthenticatedException("The login token carries no valid email address (uid or email)");
        }
        // A name we could not accept from a person is not taken from a token either: the address stands in.
        String name = text(claims, "name")
                .filter(n -> n.length() <= 200 && !UserRules.hasControlCharacters(n))
                .orElse(uid);
        String uuid = text(claims, "uuid").filter(UserRules::validUuid).orElse(null);
        LoginMethod method = ours ? LoginMethod.EMAIL : method(claims);
        String authName = claims.getIssuer();
        String authCode = claims.getIssuer();
        Object source = claims.getClaim("auth_source");
        if (source instanceof Map<?, ?> map) {
            authName = map.get("name") instanceof String s ? s : authName;
            authCode = map.get("code") instanceof String s ? s : authCode;
        }
        return new Identity(authName, authCode, subject, uid, name, uuid, method);
    }

    /**
     * An explicit {@code method} claim; else a smart card in {@code amr} (RFC 8176) means CAC; else a federated login.
     */
    private static LoginMethod method(JWTClaimsSet claims) {
        Optional<LoginMethod> explicit = text(claims, "method").flatMap(LoginMethod::ofCode);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Object amr = claims.getClaim("amr");
        if (amr instanceof List<?> list && (list.contains("sc") || list.contains("hwk"))) {
            return LoginMethod.CAC;
        }
        return LoginMethod.GOOGLE;
    }

    private static Optional<String> text(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
    }
}
