package org.anteroom.access;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.anteroom.platform.Elsewhere;
import org.anteroom.platform.StartupLock;

/**
 * The keys every JWT Anteroom issues is signed with: EC P-384, ES384, each with a {@code kid}.
 * Generated at the first start and kept in the database, so a restart neither invalidates tokens
 * already handed out nor changes what {@code /.well-known/jwks.json} publishes.
 */
@Startup
@Singleton
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private volatile ECKey current;
    private volatile JWKSet published;

    @PostConstruct
    void load() {
        List<ECKey> keys = inUse();
        if (keys.isEmpty()) {
            StartupLock.hold(em, StartupLock.INSTALLATION);
            keys = inUse();
        }
        if (keys.isEmpty()) {
            ECKey key = generate();
            em.persist(new SigningKey(key.getKeyID(), key.toJSONString(), clock.instant()));
            keys.add(key);
            LOG.info(() -> "Generated the signing key " + key.getKeyID());
        }
        current = keys.get(keys.size() - 1);
        published = new JWKSet(
                keys.stream().map(ECKey::toPublicJWK).map(JWK.class::cast).toList());
    }

    /** The signing keys changed in the database (cluster mode announces it: docs/cluster.md). */
    public record Changed() {}

    /**
     * Reads the keys again when another node or an administrator changed them, or when this node may have missed
     * such a change: it signs with the newest key in use and publishes all of them. An empty table keeps what this
     * node has (a key is never generated here: only a first start does that, under the start-up lock).
     */
    public void reload(@Observes Elsewhere committed) {
        if (committed.event() instanceof Changed) {
            reload();
        }
    }

    public void reloadAfterGap(@Observes Elsewhere.Gap gap) {
        reload();
    }

    private void reload() {
        List<ECKey> keys = inUse();
        if (keys.isEmpty()) {
            LOG.warning("The signing_key table has no key in use; this node keeps signing with the key it had");
            return;
        }
        ECKey newest = keys.get(keys.size() - 1);
        published = new JWKSet(
                keys.stream().map(ECKey::toPublicJWK).map(JWK.class::cast).toList());
        current = newest;
        LOG.info(() -> "Signing keys read again: signing with " + newest.getKeyID() + ", " + keys.size() + " in use");
    }

    private List<ECKey> inUse() {
        List<ECKey> keys = new ArrayList<>();
        for (SigningKey stored : em.createQuery("select k from SigningKey k order by k.created", SigningKey.class)
                .getResultList()) {
            if (!stored.retired()) {
                keys.add(parse(stored.privateJwk()));
            }
        }
        return keys;
    }

    /** Signs the claims with the current key: ES384, {@code kid} and {@code typ: JWT} in the header. */
    public String sign(JWTClaimsSet claims) {
        return sign(current, claims);
    }

    /** Whether one of our keys in use made this signature (ES384 only: the only algorithm we sign with). */
    public boolean signed(SignedJWT jwt) {
        if (!JWSAlgorithm.ES384.equals(jwt.getHeader().getAlgorithm())
                || jwt.getHeader().getKeyID() == null) {
            return false;
        }
        JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
        try {
            return key instanceof ECKey ec && jwt.verify(new ECDSAVerifier(ec));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The public halves of every key in use, for {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        return published;
    }

    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_384)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES384)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an EC P-384 key", e);
        }
    }

    static String sign(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES384)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a JWT", e);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is unreadable", e);
        }
    }
}
