package org.anteroom.platform;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One thing the server needs before it can serve (the database, SMTP, later the cluster listener): a CDI bean of
 * this type is found by {@code ops.Readiness}, which runs every check of the application for {@code
 * /ops/health/ready} and the server's MicroProfile Health (docs/decisions/0023). A check answers quickly and never
 * throws; its reason is shown to whoever probes, so it never carries a secret.
 */
public interface ReadinessCheck {

    /** The check's name in health answers: one lowercase word. */
    String name();

    Result check();

    /** Whether this installation has what the check looks at (the cluster listener only in cluster mode). */
    default boolean applies() {
        return true;
    }

    /** UP or DOWN, and what an operator should know (a reason when DOWN); no secret, no URL with credentials. */
    record Result(String name, boolean up, Map<String, String> data) {

        private static final Pattern SECRET =
                Pattern.compile("(?i)(password|passwd|pwd|secret|user)(\\s*[=:]\\s*)[^;&\\s,)]*");

        public static Result up(String name, Map<String, String> data) {
            return new Result(name, true, Map.copyOf(data));
        }

        public static Result down(String name, String reason) {
            return new Result(name, false, Map.of("reason", scrubbed(reason)));
        }

        /** A driver's message can quote its URL or settings: anything that looks like a credential is masked. */
        static String scrubbed(String reason) {
            String text = reason == null ? "unknown" : reason.strip();
            text = SECRET.matcher(text).replaceAll("$1$2***");
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }
}
