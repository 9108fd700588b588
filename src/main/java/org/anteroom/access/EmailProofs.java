package org.anteroom.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.anteroom.directory.User;
import org.anteroom.mail.Mail;
import org.anteroom.mail.MailNotSentException;
import org.anteroom.mail.Mailer;
import org.anteroom.platform.InvalidInputException;
import org.anteroom.platform.Secrets;

/**
 * Proof of an address that its holder entered themselves (self-registration, a change of one's own
 * address): a 256-bit code mailed to it, valid 48 hours, kept only as a digest. Until it is redeemed
 * the address links nothing: presence sign-in, invitations and room approvals ignore it.
 */
@Stateless
public class EmailProofs {

    static final Duration VALIDITY = Duration.ofHours(48);
    private static final Logger LOG = Logger.getLogger(EmailProofs.class.getName());
    private static final String REFUSED = "Invalid or expired confirmation code";

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Event<ProofMail> mails;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /** The mail of a requested proof; sent once the registration committed, so a mail never announces a rollback. */
    public record ProofMail(Mail mail) {}

    /** What a redeemed code proved. */
    public record Proven(String userId, String email) {}

    /**
     * Replaces the user's pending proofs with one for the address it holds now and mails its code.
     *
     * @param link turns the code into the link the mail carries (the wire adapter knows its own URL)
     */
    public void request(User user, java.util.function.UnaryOperator<String> link) {
        em.createQuery("delete from EmailProof p where p.userId = :user")
                .setParameter("user", user.id())
                .executeUpdate();
        Instant now = clock.instant();
        String code = Secrets.newToken();
        em.persist(
                new EmailProof(Secrets.sha256(code), user.id(), User.emailKey(user.email()), now, now.plus(VALIDITY)));
        String who = user.username() == null ? "an account" : "the account '" + user.username() + "'";
        mails.fire(new ProofMail(new Mail(
                user.email(),
                "Confirm your email address",
                "Someone registered " + who + " at Anteroom with this address.\n\n"
                        + "If it was you, confirm the address here:\n" + link.apply(code) + "\n\n"
                        + "The link is valid for " + VALIDITY.toHours() + " hours. If it was not you, ignore this"
                        + " message: an address nobody confirmed gives its holder nothing of yours.\n")));
    }

    /** Proves the address the code was mailed to, if its user still holds it; a code works once. */
    public Proven redeem(String code) {
        if (code == null || code.isBlank() || code.length() > 200) {
            throw new InvalidInputException(REFUSED);
        }
        EmailProof proof = em.find(EmailProof.class, Secrets.sha256(code.trim()), LockModeType.PESSIMISTIC_WRITE);
        if (proof == null || !proof.liveAt(clock.instant())) {
            throw new InvalidInputException(REFUSED);
        }
        em.remove(proof);
        User user = em.find(User.class, proof.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !proof.emailKey().equals(User.emailKey(user.email()))) {
            throw new InvalidInputException(REFUSED);
        }
        user.proveEmail();
        return new Proven(user.id(), user.email());
    }

    /** Off the request thread: a slow or absent mail server must not hold up a registration. */
    public void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProofMail proof) {
        executor.execute(() -> {
            try {
                mailer.send(proof.mail());
            } catch (MailNotSentException e) {
                // Mailer logged why, without the code; an administrator can vouch for the address instead.
                LOG.fine("A proof mail was not sent");
            }
        });
    }
}
