package org.anteroom.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.anteroom.platform.Secrets;
import org.anteroom.platform.Settings;
import org.anteroom.platform.StartupLock;

/**
 * The server secret under which tag ids and pins are digested: they must be looked up, so a salted
 * password hash will not do, and a plain hash of a short tag would be trivially reversed.
 *
 * <p>Taken from {@code anteroom.secret.pepper} when set (recommended: it then lives outside the
 * database); otherwise generated once and kept in the installation's secrets table. Changing it
 * makes every stored tag and pin unusable.
 */
@Startup
@Singleton
@DependsOn("Database")
public class Pepper {

    private static final String NAME = "pepper";

    @PersistenceContext
    EntityManager em;

    private byte[] key;

    @PostConstruct
    void load() {
        key = Settings.text(AccessSettings.PEPPER)
                .map(configured -> configured.getBytes(StandardCharsets.UTF_8))
                .orElseGet(this::stored);
    }

    private byte[] stored() {
        InstallationSecret secret = em.find(InstallationSecret.class, NAME);
        if (secret == null) {
            StartupLock.hold(em, StartupLock.INSTALLATION);
            secret = em.find(InstallationSecret.class, NAME);
        }
        if (secret == null) {
            secret = new InstallationSecret(NAME, HexFormat.of().formatHex(Secrets.randomBytes(32)));
            em.persist(secret);
        }
        return HexFormat.of().parseHex(secret.value());
    }

    /** HMAC-SHA256 of a value for a purpose ("tag", "pin"), so equal tags and pins never collide. */
    public String digest(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public String tagDigest(String tagId) {
        return digest("tag", tagId);
    }

    public String pinDigest(String pin) {
        return digest("pin", pin);
    }
}
