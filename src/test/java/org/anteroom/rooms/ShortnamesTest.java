package org.anteroom.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Room shortnames, without a server. */
class ShortnamesTest {

    @Test
    void fourLowercaseWordsJoinedByDashes() {
        for (int i = 0; i < 1000; i++) {
            String name = Shortnames.next();
            assertTrue(name.matches("[a-z]+-[a-z]+-[a-z]+-[a-z]+"), name);
            assertTrue(Shortnames.looksLikeShortname(name), name);
        }
    }

    @Test
    void guessingOneIsImpractical() {
        assertTrue(Shortnames.bits() >= 40, "at least 2^40 shortnames: " + Shortnames.bits());
        assertEquals(Shortnames.words().size(), new HashSet<>(Shortnames.words()).size(), "no word twice");
        assertTrue(Shortnames.words().stream().allMatch(w -> w.matches("[a-z]{4,7}")));
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            drawn.add(Shortnames.next());
        }
        assertEquals(10_000, drawn.size(), "no repeats in 10,000 draws");
    }

    @Test
    void aShortnameIsToldApartFromAUuid() {
        assertFalse(Shortnames.looksLikeShortname("2fa2a266-7d97-4147-8f17-1e57105c70ea"));
        assertFalse(Shortnames.looksLikeShortname("Some-Words"));
        assertFalse(Shortnames.looksLikeShortname(""));
        assertTrue(Shortnames.looksLikeShortname("some-four-random-words"));
    }
}
