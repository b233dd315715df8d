package org.vigil.extract.gold;

/** True positives, false positives and false negatives of one type, and what follows from them. */
public record Tally(int truePositives, int falsePositives, int falseNegatives) {

    public static final Tally ZERO = new Tally(0, 0, 0);

    public Tally plus(Tally o) {
        return new Tally(truePositives + o.truePositives, falsePositives + o.falsePositives,
                falseNegatives + o.falseNegatives);
    }

    /** Share of what was found that is right; 1 when nothing was found. */
    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? 1 : (double) truePositives / found;
    }

    /** Share of the gold that was found; 1 when the gold holds nothing. */
    public double recall() {
        int gold = truePositives + falseNegatives;
        return gold == 0 ? 1 : (double) truePositives / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
