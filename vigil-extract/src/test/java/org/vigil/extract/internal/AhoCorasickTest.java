package org.vigil.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    private static final AhoCorasick<String> AC = AhoCorasick.of(Map.of(
            "Hamas", List.of("hamas"), "car bomb", List.of("car-bomb"), "suicide car bomb", List.of("suicide-car-bomb"),
            "bomb", List.of("bomb"), "he", List.of("he"), "al-Qaida", List.of("aq")));

    private static List<String> longest(String text) {
        return AC.findLongest(text).stream().map(h -> text.substring(h.start(), h.end())).toList();
    }

    @Test
    void onlyWholeWordsMatch() {
        assertEquals(List.of(), longest("The Bahamas and the chemist."));
        assertEquals(List.of("Hamas", "he"), longest("Hamas said he would."));
    }

    @Test
    void matchingIgnoresCaseSoCallersCanApplyTheirOwnRules() {
        assertEquals(List.of("HAMAS", "Car Bomb"), longest("HAMAS denied the Car Bomb."));
    }

    @Test
    void theLongestOfOverlappingPhrasesWins() {
        assertEquals(List.of("suicide car bomb", "bomb"), longest("A suicide car bomb and a bomb."));
        assertEquals(3, AC.findAll("A suicide car bomb.").size());
    }

    @Test
    void punctuationInsidePhrasesAndPossessivesAfterThemWork() {
        assertEquals(List.of("al-Qaida"), longest("al-Qaida's plans"));
    }
}
