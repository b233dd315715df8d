package org.vigil.screen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Screening's quality on the labelled pairs of name-groups.txt, at Vigil's threshold. */
class LabelledPairsTest {

    static List<Evaluation.Pair> pairs() throws IOException {
        try (InputStream in = LabelledPairsTest.class.getResourceAsStream("name-groups.txt")) {
            return Evaluation.pairs(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = LabelledPairsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void theHeldOutSetNamesNoPairOfTheTuningSet() throws IOException {
        java.util.Set<String> tuning = new java.util.HashSet<>();
        for (Evaluation.Pair p : pairs()) {
            tuning.add(Evaluation.fold(p.query()) + "|" + Evaluation.fold(p.listed()));
            tuning.add(Evaluation.fold(p.listed()) + "|" + Evaluation.fold(p.query()));
        }
        List<Evaluation.Pair> heldOut = Evaluation.pairs(lines("name-groups-held-out.txt"));
        assertTrue(heldOut.size() > 1000, heldOut.size() + " pairs");
        for (Evaluation.Pair p : heldOut) {
            assertTrue(!tuning.contains(Evaluation.fold(p.query()) + "|" + Evaluation.fold(p.listed())), p.toString());
        }
    }

    @Test
    void theSecondHeldOutSetNamesNoPairOfTheEarlierSets() throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Evaluation.Pair> earlier = new java.util.ArrayList<>(pairs());
        earlier.addAll(Evaluation.pairs(lines("name-groups-held-out.txt")));
        for (Evaluation.Pair p : earlier) {
            seen.add(Evaluation.fold(p.query()) + "|" + Evaluation.fold(p.listed()));
            seen.add(Evaluation.fold(p.listed()) + "|" + Evaluation.fold(p.query()));
        }
        List<Evaluation.Pair> heldOut = Evaluation.pairs(lines("name-groups-held-out-2.txt"));
        assertTrue(heldOut.size() > 1000, heldOut.size() + " pairs");
        for (Evaluation.Pair p : heldOut) {
            assertTrue(!seen.contains(Evaluation.fold(p.query()) + "|" + Evaluation.fold(p.listed())), p.toString());
        }
    }

    @Test
    void reachesF1OfPointNineFiveWithPrecisionOfPointNineSeven() throws IOException {
        List<Evaluation.Pair> pairs = pairs();
        Evaluation.Result r = Evaluation.run(pairs, Evaluation.screening(Screening.THRESHOLD));
        for (Evaluation.Pair p : pairs) {
            Match m = Screening.compare(Subject.named(p.query()), PersonOfInterest.named("x", p.listed()));
            if ((m.score() >= Screening.THRESHOLD) != p.same()) {
                System.out.printf("%s %.3f  %s  /  %s  [%s]  %s%n", p.same() ? "MISSED" : "WRONG ", m.score(),
                        p.query(), p.listed(), p.category(), m.why());
            }
        }
        System.out.println(pairs.size() + " pairs: " + r);
        assertTrue(r.precision() >= 0.97 && r.f1() >= 0.95, r.toString());
    }
}
