package org.vigil.picture.detection;

/**
 * A test of whether a day's count of stories at one place exceeds what that place's own history leads one to
 * expect. Detectors look only at the days before the one judged, so a series can be judged day by day as it grows.
 */
public interface Detector {

    /**
     * Judges day {@code t} of a daily series, using only days before it.
     *
     * @param counts the daily counts, oldest first; days before the place's first report are zeros
     * @param firstDay the first day of the series that belongs to the place's history (earlier days are unknown)
     * @param t the day judged
     * @param dayOfWeek the ISO day of week of day 0 (1 Monday .. 7 Sunday)
     */
    Verdict judge(int[] counts, int firstDay, int t, int dayOfWeek);

    /** Whether a day with this count could be flagged at all; callers may skip judging days that could not. */
    default boolean mayFlag(int count) {
        return true;
    }

    /** A short name for reports ("negative binomial", "EARS C2"). */
    String name();

    /**
     * What a detector made of one day.
     *
     * @param expected the count it expected, or NaN when the history is too short to expect anything
     * @param pValue the probability of a count at least as high under the expectation (1 when not tested); where a
     *     detector makes several tests, the smallest; for detectors without a probability model, a monotone score
     *     mapped into (0, 1]
     * @param flagged whether the day is an uptick
     */
    record Verdict(double expected, double pValue, boolean flagged) {

        static final Verdict UNTESTED = new Verdict(Double.NaN, 1.0, false);
    }
}
