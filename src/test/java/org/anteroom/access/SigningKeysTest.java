package org.anteroom.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    @Test
    void keysAreP384ForEs384WithTheirOwnKid() {
        ECKey key = SigningKeys.generate();
        ECKey other = SigningKeys.generate();

        assertEquals(Curve.P_384, key.getCurve());
        assertEquals(JWSAlgorithm.ES384, key.getAlgorithm());
        assertTrue(key.isPrivate());
        assertFalse(key.toPublicJWK().isPrivate(), "the published half has no private part");
        assertFalse(key.toPublicJWK().toJSONString().contains("\"d\""));
        assertNotEquals(key.getKeyID(), other.getKeyID());
    }

    @Test
    void signedTokensVerifyWithThePublicKeyOnly() throws Exception {
        ECKey key = SigningKeys.generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("anteroom")
                .subject("user-uuid")
                .audience("assets")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build();

        SignedJWT jwt = SignedJWT.parse(SigningKeys.sign(key, claims));

        assertEquals(JWSAlgorithm.ES384, jwt.getHeader().getAlgorithm());
        assertEquals(key.getKeyID(), jwt.getHeader().getKeyID());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertTrue(jwt.verify(new ECDSAVerifier(key.toPublicJWK())));
        assertFalse(
                jwt.verify(new ECDSAVerifier(SigningKeys.generate().toPublicJWK())), "another key does not verify it");
        assertEquals("user-uuid", jwt.getJWTClaimsSet().getSubject());
    }
}
