package org.vigil.screen;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import org.vigil.screen.internal.JaroWinkler;

/**
 * Measures a name matcher on labelled pairs, next to the two baselines screening is judged against: exact
 * equality after ASCII folding, and Jaro–Winkler of at least 0.92 on folded names (as Moov Watchman scores).
 */
public final class Evaluation {

    /** The Jaro–Winkler cut-off of the second baseline. */
    public static final double BASELINE_JARO_WINKLER = 0.92;

    /** Two names, and whether they name the same person. */
    public record Pair(String query, String listed, boolean same, String category) {
    }

    /** Counts of a matcher's decisions on labelled pairs. */
    public record Result(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public double precision() {
            int said = truePositives + falsePositives;
            return said == 0 ? 1.0 : (double) truePositives / said;
        }

        public double recall() {
            int there = truePositives + falseNegatives;
            return there == 0 ? 1.0 : (double) truePositives / there;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f  (TP %d, FP %d, FN %d, TN %d)",
                    precision(), recall(), f1(), truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    private Evaluation() {
    }

    /**
     * The pairs a groups file labels (see the file's header): names on one "=" line match each other; each "≠" name
     * matches none of the "=" line before it; "=" lines sharing a word match none of each other's names.
     */
    public static List<Pair> pairs(List<String> lines) {
        List<List<String>> groups = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Pair> out = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf('#', 1);
            String category = hash < 0 ? "" : line.substring(hash + 1).strip();
            List<String> names = split(hash < 0 ? line.substring(1) : line.substring(1, hash));
            if (line.startsWith("=")) {
                groups.add(names);
                categories.add(category);
                for (int i = 0; i < names.size(); i++) {
                    for (int j = i + 1; j < names.size(); j++) {
                        out.add(new Pair(names.get(i), names.get(j), true, category));
                    }
                }
            } else if (line.startsWith("≠") && !groups.isEmpty()) {
                String of = categories.get(categories.size() - 1);
                for (String decoy : names) {
                    for (String name : groups.get(groups.size() - 1)) {
                        out.add(new Pair(decoy, name, false, "hard negative, " + of));
                    }
                }
            } else {
                throw new IllegalArgumentException("a line of labelled names starts with '=' or '≠': " + line);
            }
        }
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                if (shareAWord(groups.get(a), groups.get(b))) {
                    for (String x : groups.get(a)) {
                        for (String y : groups.get(b)) {
                            out.add(new Pair(x, y, false, "shared word"));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> split(String names) {
        List<String> out = new ArrayList<>();
        for (String n : names.split("\\|")) {
            if (!n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out;
    }

    private static boolean shareAWord(List<String> a, List<String> b) {
        Set<String> words = new LinkedHashSet<>();
        a.forEach(n -> words.addAll(List.of(fold(n).split(" "))));
        for (String n : b) {
            for (String w : fold(n).split(" ")) {
                if (w.length() > 2 && words.contains(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs a matcher over labelled pairs. */
    public static Result run(List<Pair> pairs, BiPredicate<String, String> matches) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (Pair p : pairs) {
            boolean said = matches.test(p.query(), p.listed());
            if (said && p.same()) {
                tp++;
            } else if (said) {
                fp++;
            } else if (p.same()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Result(tp, fp, fn, tn);
    }

    /** Screening's score of each pair, in order, one pair at a time, without the index. */
    public static double[] scores(List<Pair> pairs) {
        return pairs.parallelStream().mapToDouble(p -> Screening.compare(Subject.named(p.query()),
                PersonOfInterest.named("x", p.listed())).score()).toArray();
    }

    /** What scores say at a threshold. */
    public static Result at(List<Pair> pairs, double[] scores, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean said = scores[i] >= threshold;
            boolean same = pairs.get(i).same();
            tp += said && same ? 1 : 0;
            fp += said && !same ? 1 : 0;
            fn += !said && same ? 1 : 0;
            tn += !said && !same ? 1 : 0;
        }
        return new Result(tp, fp, fn, tn);
    }

    /**
     * The threshold, on a grid of 0.005 from 0.70 to 0.99, with the best F1 among those whose precision is at least
     * {@code minPrecision} (the best F1 of all when none is); the highest of equals, as fewer false hits cost less.
     */
    public static double chooseThreshold(List<Pair> pairs, double[] scores, double minPrecision) {
        double best = Double.NaN;
        double bestF1 = -1;
        boolean bestMeets = false;
        for (int step = 0; step <= 58; step++) {
            double t = Math.round((0.70 + step * 0.005) * 1000) / 1000.0;
            Result r = at(pairs, scores, t);
            boolean meets = r.precision() >= minPrecision;
            if ((meets && !bestMeets) || (meets == bestMeets && r.f1() >= bestF1)) {
                best = t;
                bestF1 = r.f1();
                bestMeets = meets;
            }
        }
        return best;
    }

    /** Screening's matcher at a threshold, one pair at a time, without the index. */
    public static BiPredicate<String, String> screening(double threshold) {
        return (q, l) -> Screening.compare(Subject.named(q), PersonOfInterest.named("x", l)).score() >= threshold;
    }

    /** Baseline 1: equal after folding accents, case, punctuation and spacing. */
    public static boolean exactFolded(String a, String b) {
        return fold(a).equals(fold(b));
    }

    /** Baseline 2: Jaro–Winkler of the folded names at least {@value #BASELINE_JARO_WINKLER}. */
    public static boolean jaroWinklerFolded(String a, String b) {
        return JaroWinkler.similarity(fold(a), fold(b)) >= BASELINE_JARO_WINKLER;
    }

    /** Lower case, accents removed, anything but letters and digits one space. */
    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
