package io.socialroi.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void textWithLineBreaksTabsAndEmojiIsStorable() {
        assertTrue(StorableText.storable(null));
        assertTrue(StorableText.storable(""));
        assertTrue(StorableText.storable("Launch\tday\r\nis 🚀 — à bientôt"));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreNot() {
        assertFalse(StorableText.storable("a\u0000b"));
        assertFalse(StorableText.storable("bell\u0007"));
        assertFalse(StorableText.storable("del\u007f"));
        assertFalse(StorableText.storable("high \ud83d alone"));
        assertFalse(StorableText.storable("end \ud83d"));
        assertFalse(StorableText.storable("low \ude80 first"));
        assertEquals(1, StorableText.firstProblem("a\u0000b"));
        assertEquals(-1, StorableText.firstProblem("🚀"));
    }
}
