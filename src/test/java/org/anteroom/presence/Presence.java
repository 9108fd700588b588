package org.anteroom.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.anteroom.it.Eventually;
import org.anteroom.it.Server;
import org.anteroom.it.Server.Reply;

/** What every presence IT does: get a code by mail, mint a token of the test auth service, log in. */
final class Presence {

    static final String P = "presence/";
    static final String TEST_ISSUER = "https://auth.it.example";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{8})\\b");

    private Presence() {}

    /** A GreenMail SMTP server on the port the build reserved and the server under test mails to. */
    static GreenMail startMail() {
        GreenMail mail = new GreenMail(
                new ServerSetup(Integer.getInteger("anteroom.it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Makes the server trust this auth service's key (it re-reads the JWKS file when it changes). */
    static void trust(AuthService auth) throws java.io.IOException {
        java.nio.file.Path jwks = java.nio.file.Path.of(System.getProperty("anteroom.it.jwks"));
        java.nio.file.Files.createDirectories(jwks.getParent());
        java.nio.file.Files.writeString(jwks, auth.jwks(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A session: the cookie to send back, and the Set-Cookie header it came with. */
    record Session(String cookie, String setCookie, String uuid) {

        String[] headers() {
            return new String[] {"Cookie", cookie};
        }
    }

    static String email(String domain) {
        return "it-" + UUID.randomUUID().toString().substring(0, 12) + "@" + domain;
    }

    static Reply sendCode(Server server, String email, String name) {
        return server.send(
                "POST",
                P + "otp/send",
                Json.createObjectBuilder()
                        .add("emailAddress", email)
                        .add("displayName", name)
                        .build()
                        .toString());
    }

    static Reply validate(Server server, String code, String email, String name) {
        return server.send(
                "POST",
                P + "otp/validate",
                Json.createObjectBuilder()
                        .add("p", code)
                        .add("e", email)
                        .add("n", name)
                        .build()
                        .toString());
    }

    /** The code of the n-th (1-based) mail this address received. */
    static String code(GreenMail mail, String email, int nth) {
        MimeMessage[] received = Eventually.until(
                "mail number " + nth + " for " + email,
                Eventually.PATIENCE,
                () -> mail.getReceivedMessagesForDomain(email),
                all -> all.length >= nth);
        Matcher matcher = CODE.matcher(GreenMailUtil.getBody(received[nth - 1]));
        if (!matcher.find()) {
            throw new AssertionError("No code in the mail: " + GreenMailUtil.getBody(received[nth - 1]));
        }
        return matcher.group(1);
    }

    /** A login token for this address through the one-time-code flow. */
    static String otpToken(Server server, GreenMail mail, String email, String name) {
        assertEquals(200, sendCode(server, email, name).status());
        Reply validated = validate(server, code(mail, email, 1), email, name);
        assertEquals(200, validated.status(), validated.body());
        return validated.object().getJsonObject("token").getString("token");
    }

    static Reply login(Server server, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return server.get(P + "login", all);
    }

    static Session session(Server server, String token, String... headers) {
        Reply reply = login(server, token, headers);
        assertEquals(200, reply.status(), reply.body());
        String setCookie = reply.header("Set-Cookie");
        return new Session(
                setCookie.substring(0, setCookie.indexOf(';')),
                setCookie,
                reply.object().getJsonObject("session").getString("uuid"));
    }

    /** The test auth service: one EC key whose public half the server trusts through the JWKS file. */
    static final class AuthService {

        final ECKey key;

        AuthService() {
            try {
                key = new ECKeyGenerator(Curve.P_256)
                        .keyID("it-" + UUID.randomUUID())
                        .generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        JWTClaimsSet.Builder claims(String email, String name, String method) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(TEST_ISSUER)
                    .subject("sub-" + UUID.randomUUID())
                    .claim("email", email)
                    .claim("name", name)
                    .issueTime(Date.from(now))
                    // Long enough to outlive the test clock moving forward in other tests.
                    .expirationTime(Date.from(now.plus(Duration.ofDays(2))));
            return method == null ? claims : claims.claim("method", method);
        }

        String token(String email, String name, String method) {
            return sign(claims(email, name, method).build());
        }

        String sign(JWTClaimsSet claims) {
            return sign(key, claims);
        }

        static String sign(ECKey key, JWTClaimsSet claims) {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.ES256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new ECDSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        String jwks() {
            return "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
        }
    }

    static List<String> strings(jakarta.json.JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }
}
