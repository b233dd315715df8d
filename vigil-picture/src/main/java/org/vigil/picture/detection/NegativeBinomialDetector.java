package org.vigil.picture.detection;

/**
 * Vigil's uptick test: a negative-binomial expectation for each day built from the place's own recent history,
 * with a day-of-week effect, and a flag when the day's count, or the sum of the last three days, is improbably high
 * under it. It follows the ideas of the improved Farrington method (Noufaily et al. 2013) scaled down to daily
 * counts and short histories:
 * <ul>
 *   <li>Baseline: the {@value #WINDOW} days that end {@value #GUARD} days before the day judged (the guard keeps the
 *   first days of a burst out of the baseline of its later days), weighted by recency with a half-life of
 *   {@value #HALF_LIFE} days, which follows slow trends without fitting one.</li>
 *   <li>Weekly rhythm: a factor per weekday, shrunk towards 1 by a prior worth {@value #WEEKDAY_PRIOR} days, so that a
 *   sparse place does not learn a rhythm from noise.</li>
 *   <li>Past bursts: days that sit far above the first fit are left out of the second (Farrington's reweighting,
 *   made binary), so one burst does not mask the next.</li>
 *   <li>Overdispersion: the Pearson dispersion of the baseline gives a negative-binomial size when it exceeds 1.</li>
 *   <li>Little history: the rate carries a Gamma(1/2, 1) prior, and its uncertainty widens the predictive
 *   distribution (a Gamma-Poisson mixture), so that a place with a short or empty history needs more to be
 *   flagged. Fewer than {@value #MIN_HISTORY} days of history are not tested at all.</li>
 *   <li>Flag: one-sided p-value below {@value #ALPHA} for the day, or for the sum of the last three days, and at
 *   least {@value #MIN_OBSERVED} stories on the day.</li>
 * </ul>
 */
public final class NegativeBinomialDetector implements Detector {

    static final int WINDOW = 84;
    static final int GUARD = 2;
    static final double HALF_LIFE = 28;
    static final double WEEKDAY_PRIOR = 6;
    static final int MIN_HISTORY = 14;
    static final double ALPHA = 0.0025;
    static final int MIN_OBSERVED = 3;
    private static final double PRIOR_SHAPE = 0.5;
    private static final double PRIOR_RATE = 1.0;
    private static final double OUTLIER_Z = 3.0;
    /** The recency weight of a day k days before the baseline's end. */
    private static final double[] RECENCY = new double[WINDOW + 1];

    static {
        for (int k = 0; k <= WINDOW; k++) {
            RECENCY[k] = Math.pow(0.5, k / HALF_LIFE);
        }
    }

    @Override
    public boolean mayFlag(int count) {
        return count >= MIN_OBSERVED;
    }

    @Override
    public Verdict judge(int[] counts, int firstDay, int t, int dayOfWeek) {
        int end = t - GUARD;
        int start = Math.max(firstDay, end - WINDOW);
        if (end - start < MIN_HISTORY) {
            return Verdict.UNTESTED;
        }
        Fit all = Fit.of(counts, start, end, dayOfWeek, null);
        // The rate comes from the days that are not outliers, but the dispersion from all of them: trimming the
        // upper tail would make every quiet place look Poisson and every burst look improbable.
        Fit fit = Fit.of(counts, start, end, dayOfWeek, all).withDispersionOf(all);
        double mean = fit.expected(t, dayOfWeek);
        double pDay = NegativeBinomial.upperTail(counts[t], mean, fit.predictiveSize());
        double pRun = runTail(counts, t, dayOfWeek, fit, Math.max(firstDay, start));
        double p = Math.min(pDay, pRun);
        boolean flagged = counts[t] >= MIN_OBSERVED && p < ALPHA;
        return new Verdict(mean, p, flagged);
    }

    /** The tail of the last three days' sum, which catches a sustained rise no single day makes improbable. */
    private static double runTail(int[] counts, int t, int dayOfWeek, Fit fit, int first) {
        if (t - 2 < first) {
            return 1.0;
        }
        int sum = 0;
        double mean = 0;
        double extra = 0;
        for (int d = t - 2; d <= t; d++) {
            double m = fit.expected(d, dayOfWeek);
            sum += counts[d];
            mean += m;
            extra += m * m / fit.dispersionSize;
        }
        // Day-to-day overdispersion is independent; the uncertainty of the rate is shared by the three days.
        double variance = mean + extra + mean * mean / fit.rateShape;
        double size = variance > mean ? mean * mean / (variance - mean) : Double.POSITIVE_INFINITY;
        return NegativeBinomial.upperTail(sum, mean, size);
    }

    @Override
    public String name() {
        return "negative binomial";
    }

    /** The baseline's rate, weekday factors and dispersion. */
    private static final class Fit {
        final double rate;
        final double[] weekday = new double[7];
        final double dispersionSize;
        final double rateShape;

        private Fit(double rate, double[] weekday, double dispersionSize, double rateShape) {
            this.rate = rate;
            System.arraycopy(weekday, 0, this.weekday, 0, 7);
            this.dispersionSize = dispersionSize;
            this.rateShape = rateShape;
        }

        /** Fits days [start, end); with a previous fit, days far above it are left out. */
        static Fit of(int[] counts, int start, int end, int dayOfWeek, Fit previous) {
            double[] weight = new double[end - start];
            double totalWeight = 0;
            double totalCount = 0;
            double[] dayWeight = new double[7];
            double[] dayCount = new double[7];
            for (int i = start; i < end; i++) {
                double w = RECENCY[end - 1 - i];
                if (previous != null && previous.outlier(counts[i], previous.expected(i, dayOfWeek))) {
                    w = 0;
                }
                weight[i - start] = w;
                totalWeight += w;
                totalCount += w * counts[i];
                // The weekly rhythm is steadier than the level, so every day of the window counts alike for it.
                int d = weekdayIndex(i, dayOfWeek);
                dayWeight[d] += w > 0 ? 1 : 0;
                dayCount[d] += w > 0 ? counts[i] : 0;
            }
            double rate = (totalCount + PRIOR_SHAPE) / (totalWeight + PRIOR_RATE);
            double days = 0;
            double all = 0;
            for (int d = 0; d < 7; d++) {
                days += dayWeight[d];
                all += dayCount[d];
            }
            double flat = (all + PRIOR_SHAPE) / (days + PRIOR_RATE);
            double[] factor = new double[7];
            for (int d = 0; d < 7; d++) {
                factor[d] = (dayCount[d] + WEEKDAY_PRIOR * flat) / (dayWeight[d] * flat + WEEKDAY_PRIOR * flat);
            }
            Fit unscaled = new Fit(rate, factor, Double.POSITIVE_INFINITY, totalCount + PRIOR_SHAPE);
            double pearson = 0;
            double used = 0;
            for (int i = start; i < end; i++) {
                double w = weight[i - start];
                double m = unscaled.expected(i, dayOfWeek);
                if (w > 0 && m > 0) {
                    pearson += w * (counts[i] - m) * (counts[i] - m) / m;
                    used += w;
                }
            }
            double phi = used > 0 ? pearson / used : 1;
            double size = phi > 1.05 ? Math.max(0.5, rate / (phi - 1)) : Double.POSITIVE_INFINITY;
            return new Fit(rate, factor, size, totalCount + PRIOR_SHAPE);
        }

        Fit withDispersionOf(Fit other) {
            return new Fit(rate, weekday, Math.min(dispersionSize, other.dispersionSize), rateShape);
        }

        double expected(int day, int dayOfWeek) {
            return rate * weekday[weekdayIndex(day, dayOfWeek)];
        }

        /** The size of the predictive distribution: day-to-day dispersion plus the uncertainty of the rate. */
        double predictiveSize() {
            double inverse = 1 / dispersionSize + 1 / rateShape;
            return inverse > 0 ? 1 / inverse : Double.POSITIVE_INFINITY;
        }

        boolean outlier(int count, double mean) {
            double variance = mean + mean * mean / dispersionSize;
            return count > mean + OUTLIER_Z * Math.sqrt(variance) + 1;
        }

        private static int weekdayIndex(int day, int dayOfWeek) {
            return Math.floorMod(dayOfWeek - 1 + day, 7);
        }
    }
}
