package org.vigil.picture.detection;

/**
 * The CDC's EARS C2: the mean and standard deviation of the seven days that end three days before the day judged
 * (a two-day guard), and a flag when the day lies more than three standard deviations above that mean. It has no
 * model of weekly rhythm, trend or overdispersion; Vigil computes it only as the baseline its own detector must
 * beat. The standard deviation is floored at 0.5 so that a run of zeros does not divide by zero.
 */
public final class EarsC2 implements Detector {

    private static final int BASELINE = 7;
    private static final int GUARD = 2;
    private static final double THRESHOLD = 3.0;
    private static final double MIN_SIGMA = 0.5;

    @Override
    public Verdict judge(int[] counts, int firstDay, int t, int dayOfWeek) {
        int start = t - GUARD - BASELINE;
        if (start < firstDay) {
            return Verdict.UNTESTED;
        }
        double sum = 0;
        double squares = 0;
        for (int i = start; i < start + BASELINE; i++) {
            sum += counts[i];
            squares += (double) counts[i] * counts[i];
        }
        double mean = sum / BASELINE;
        double sd = Math.sqrt(Math.max(0, (squares - BASELINE * mean * mean) / (BASELINE - 1)));
        double c2 = (counts[t] - mean) / Math.max(sd, MIN_SIGMA);
        // A monotone map of the statistic into (0, 1], so that C2 ranks days on the scale the API reports.
        double score = Math.exp(-Math.max(0, c2));
        return new Verdict(mean, score, c2 > THRESHOLD);
    }

    @Override
    public String name() {
        return "EARS C2";
    }
}
