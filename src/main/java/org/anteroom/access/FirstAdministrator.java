package org.anteroom.access;

import java.text.Normalizer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.anteroom.access.SetupCodes.Plan;
import org.anteroom.access.SetupCodes.Step;
import org.anteroom.directory.UserRules;
import org.anteroom.mail.Mail;
import org.anteroom.mail.MailNotSentException;
import org.anteroom.mail.Mailer;
import org.anteroom.platform.Settings;

/**
 * The bootstrap of an empty installation (docs/admin.md, "First administrator"; decision 0021): with
 * {@code anteroom.bootstrap.organization} and {@code anteroom.bootstrap.admin.email} set, a start on a
 * database without any organization creates that organization, a role holding every permission and a
 * PENDING administrator, and mails the administrator a one-time setup code; a later start mails a new
 * code only while the administrator is still PENDING and the last code expired. Each start logs one
 * line saying what it did or why not, never the code.
 */
@Startup
@Singleton
@DependsOn("Database")
public class FirstAdministrator {

    static final String ORGANIZATION = "anteroom.bootstrap.organization";
    static final String ORGANIZATION_ID = "anteroom.bootstrap.organization-id";
    static final String EMAIL = "anteroom.bootstrap.admin.email";
    static final String USERNAME = "anteroom.bootstrap.admin.username";
    static final String FIRST_NAME = "anteroom.bootstrap.admin.first-name";
    static final String LAST_NAME = "anteroom.bootstrap.admin.last-name";
    static final String CODE_HOURS = "anteroom.bootstrap.code-hours";

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    private static final String PREFIX = "First administrator: ";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Inject
    SetupCodes setupCodes;

    @Inject
    Mailer mailer;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        Optional<String> organization = Settings.text(ORGANIZATION);
        Optional<String> email = Settings.text(EMAIL);
        if (organization.isEmpty() && email.isEmpty()) {
            if (!Settings.demo() && setupCodes.directoryEmpty()) {
                LOG.info(PREFIX + "the directory has no organization and " + ORGANIZATION + " and " + EMAIL
                        + " are not set: nothing set up, nobody can administer it (docs/admin.md, \"First"
                        + " administrator\")");
            }
            return;
        }
        if (Settings.demo()) {
            LOG.info(PREFIX + "nothing set up, the demo data is on (" + Settings.DEMO
                    + "): its administrators are documented in README.md");
            return;
        }
        List<String> problems = new ArrayList<>();
        Optional<Plan> plan = plan(organization, email, problems);
        if (plan.isEmpty()) {
            LOG.warning(PREFIX + "nothing set up: " + String.join("; ", problems));
            return;
        }
        run(plan.get());
    }

    private void run(Plan plan) {
        Step step = setupCodes.prepare(plan);
        switch (step.outcome()) {
            case CREATED, RENEWED -> mail(plan, step);
            case PENDING ->
                LOG.info(PREFIX + "'" + step.username() + "' has not set a password yet; the setup code"
                        + " mailed to " + plan.email() + " is valid until " + WHEN.format(step.expires())
                        + " (a start after that mails a new one)");
            case NOT_NEEDED ->
                LOG.info(PREFIX + "nothing to do: the directory has organizations and no pending"
                        + " first administrator at " + plan.email() + " (" + ORGANIZATION + " and " + EMAIL
                        + " may be removed)");
            case TAKEN ->
                LOG.warning(PREFIX + "nothing set up: the directory has no organization, but an account"
                        + " already holds " + plan.email() + " or the username '" + plan.username() + "'");
        }
    }

    private void mail(Plan plan, Step step) {
        String what = step.outcome() == SetupCodes.Outcome.CREATED
                ? "created organization '" + plan.organizationName() + "' (id " + step.organizationId()
                        + "), role 'administrator' with every permission and the PENDING account '"
                        + step.username() + "'"
                : "'" + step.username() + "' is still PENDING and its setup code expired";
        try {
            mailer.send(new Mail(plan.email(), "Set up your Anteroom administrator account", text(plan, step)));
        } catch (MailNotSentException e) {
            // Mailer logged why. Without the mail the code is useless: forget it, so the next start mails another.
            setupCodes.withdraw(step.code());
            LOG.warning(PREFIX + what + "; the setup code could not be mailed to " + plan.email()
                    + " (see anteroom.mail.* in docs/admin.md): restart once mail works to send a new one");
            return;
        }
        LOG.info(PREFIX + what + "; a one-time setup code was mailed to " + plan.email() + ", valid until "
                + WHEN.format(step.expires()));
    }

    private static String text(Plan plan, Step step) {
        String base = Settings.text(Settings.PUBLIC_URL)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("http://<this server>");
        return "This address is the first administrator of the Anteroom installation of '" + plan.organizationName()
                + "'.\n\nUsername: " + step.username() + "\nYour setup code is: " + step.code() + "\n\n"
                + "It works once, until " + WHEN.format(step.expires()) + ". Choose a password (6 to 19 characters)"
                + " and send both:\n\n"
                + "curl -X POST '" + base + "/admin/setup' -H 'Content-Type: application/json' \\\n"
                + "     -d '{\"code\": \"" + step.code() + "\", \"password\": \"<your password>\"}'\n\n"
                + "Then sign in with the username and that password. If you did not expect this message,"
                + " tell whoever runs this server.\n";
    }

    /** The plan the keys describe, or the reasons there is none. */
    static Optional<Plan> plan(Optional<String> organization, Optional<String> email, List<String> problems) {
        if (organization.isEmpty()) {
            problems.add(ORGANIZATION + " is not set");
        } else {
            check(organization.get(), ORGANIZATION, 200, problems);
        }
        if (email.isEmpty()) {
            problems.add(EMAIL + " is not set");
        } else if (!UserRules.validEmail(email.get())) {
            problems.add(EMAIL + " is not an email address");
        }
        String username = Settings.text(USERNAME)
                .orElseGet(() -> email.map(a -> a.substring(0, Math.max(0, a.indexOf('@'))))
                        .orElse(""));
        check(username, USERNAME, 100, problems);
        String firstName = Settings.text(FIRST_NAME, "Anteroom");
        String lastName = Settings.text(LAST_NAME, "Administrator");
        check(firstName, FIRST_NAME, 100, problems);
        check(lastName, LAST_NAME, 100, problems);
        String organizationId = Settings.text(ORGANIZATION_ID)
                .orElseGet(() -> organization.map(FirstAdministrator::slug).orElse(""));
        if (!organizationId.matches("[A-Za-z0-9_.-]{1,64}")) {
            problems.add(ORGANIZATION_ID + " must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        long hours = Settings.number(CODE_HOURS, 24);
        if (hours < 1 || hours > 24 * 7) {
            problems.add(CODE_HOURS + " must be between 1 and 168");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(
                organizationId,
                organization.get(),
                email.get(),
                username,
                firstName,
                lastName,
                Duration.ofHours(hours)));
    }

    private static void check(String value, String key, int max, List<String> problems) {
        if (value.isBlank() || value.length() > max || UserRules.hasControlCharacters(value)) {
            problems.add(key + " must be 1 to " + max + " characters without control characters");
        }
    }

    /** "Acme Health, East" becomes "acme-health-east", "Hôpital" "hopital"; a name of no letters or digits gets a UUID. */
    static String slug(String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? UUID.randomUUID().toString() : slug;
    }
}
