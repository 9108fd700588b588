package org.anteroom.rooms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Room shortnames: four random lowercase words joined by {@code -}, like
 * {@code alpacas-love-underwater-basketweaving}. A shortname is enough to find a room and ask to join,
 * so it must not be guessable: 4096 words (from SCOWL's american-english list, 4–7 letters, with
 * offensive words filtered out) give 2^48 shortnames, drawn with SecureRandom.
 */
public final class Shortnames {

    public static final int WORDS_PER_NAME = 4;
    /** The spec's shortname pattern; it also tells a shortname from a UUID in a path. */
    public static final Pattern PATTERN = Pattern.compile("^[a-z-]+$");

    private static final List<String> WORDS = load();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Shortnames() {}

    public static String next() {
        StringJoiner name = new StringJoiner("-");
        for (int i = 0; i < WORDS_PER_NAME; i++) {
            name.add(WORDS.get(RANDOM.nextInt(WORDS.size())));
        }
        return name.toString();
    }

    public static boolean looksLikeShortname(String value) {
        return value != null && value.length() <= 200 && PATTERN.matcher(value).matches();
    }

    /** How many bits of entropy a shortname carries. */
    static double bits() {
        return WORDS_PER_NAME * Math.log(WORDS.size()) / Math.log(2);
    }

    static List<String> words() {
        return WORDS;
    }

    private static List<String> load() {
        try (InputStream in = Shortnames.class.getResourceAsStream("shortname-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("shortname-words.txt is missing from the WAR");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::trim)
                    .filter(word -> !word.isEmpty())
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
