package org.vigil.picture.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulation benchmark in the style of Noufaily et al. (2013): daily series of story counts with baselines of
 * different sizes, a weekly rhythm, a slow trend and overdispersion, some with injected bursts that multiply the
 * expected count for several days. Each detector judges every day of a year after a half-year of history; the
 * result is the probability of detecting a burst by its end, how often within a day of its start, the mean delay,
 * and the false flags per place per 90 days on the same series without bursts.
 */
public final class Simulation {

    static final int HISTORY = 182;
    static final int YEAR = 365;
    private static final int[] BURST_STARTS = {30, 120, 210, 300};
    private static final int[] BURST_LENGTHS = {3, 5, 7};

    /**
     * One kind of place.
     *
     * @param mean the expected stories per day at the start of the series
     * @param weekly the weekday/weekend amplitude (0 none; 0.4 weekends at 60% of weekdays' level)
     * @param trend the relative change of the mean over the whole series (0.3 ends 30% higher)
     * @param size the negative-binomial size of day-to-day variation (infinite for Poisson)
     */
    public record Scenario(double mean, double weekly, double trend, double size) {
    }

    /**
     * What one detector did on one scenario.
     *
     * @param bursts how many bursts were injected
     * @param detected how many were flagged on some day of the burst
     * @param withinOneDay how many were flagged on their first or second day
     * @param meanDelay the mean days from a burst's start to its first flag, over detected bursts
     * @param falseFlagsPer90Days flags per place per 90 days on the same series without bursts
     */
    public record Outcome(String detector, Scenario scenario, int bursts, int detected, int withinOneDay,
                          double meanDelay, double falseFlagsPer90Days) {

        public double detection() {
            return bursts == 0 ? Double.NaN : (double) detected / bursts;
        }
    }

    /** The scenarios of the benchmark: every mean with and without rhythm, trend and overdispersion. */
    public static List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>();
        for (double mean : new double[] {0.2, 1, 3, 6, 12, 24}) {
            out.add(new Scenario(mean, 0, 0, Double.POSITIVE_INFINITY));
            out.add(new Scenario(mean, 0.4, 0.3, Double.POSITIVE_INFINITY));
            out.add(new Scenario(mean, 0.4, -0.3, 5));
            out.add(new Scenario(mean, 0, 0.3, 2));
        }
        return out;
    }

    /** Runs {@code places} simulated places of each scenario through each detector, with bursts of this size. */
    public static List<Outcome> run(List<Scenario> scenarios, List<Detector> detectors, int places, double multiplier,
                                    long seed) {
        List<Outcome> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (Detector d : detectors) {
                out.add(run(s, d, places, multiplier, new SplittableRandom(seed)));
            }
        }
        return out;
    }

    private static Outcome run(Scenario s, Detector d, int places, double multiplier, SplittableRandom random) {
        int bursts = 0;
        int detected = 0;
        int withinOneDay = 0;
        long delays = 0;
        long falseFlags = 0;
        for (int p = 0; p < places; p++) {
            int dayOfWeek = 1 + random.nextInt(7);
            double[] expected = expected(s, dayOfWeek);
            int[] clean = draw(expected, s.size(), random);
            falseFlags += flags(d, clean, dayOfWeek, HISTORY, HISTORY + YEAR).size();
            int[] burst = clean.clone();
            List<int[]> injected = new ArrayList<>();
            for (int b = 0; b < BURST_STARTS.length; b++) {
                int start = HISTORY + BURST_STARTS[b] + random.nextInt(21);
                int length = BURST_LENGTHS[(p + b) % BURST_LENGTHS.length];
                for (int day = start; day < start + length; day++) {
                    burst[day] += poisson((multiplier - 1) * expected[day], random);
                }
                injected.add(new int[] {start, length});
            }
            List<Integer> flagged = flags(d, burst, dayOfWeek, HISTORY, HISTORY + YEAR);
            for (int[] b : injected) {
                bursts++;
                Integer first = flagged.stream().filter(day -> day >= b[0] && day < b[0] + b[1]).findFirst()
                        .orElse(null);
                if (first != null) {
                    detected++;
                    delays += first - b[0];
                    withinOneDay += first - b[0] <= 1 ? 1 : 0;
                }
            }
        }
        return new Outcome(d.name(), s, bursts, detected, withinOneDay,
                detected == 0 ? Double.NaN : (double) delays / detected, falseFlags * 90.0 / YEAR / places);
    }

    private static List<Integer> flags(Detector d, int[] counts, int dayOfWeek, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (d.judge(counts, 0, t, dayOfWeek).flagged()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The expected count of each day: the mean, the weekly rhythm (weekends lower) and a linear trend. */
    static double[] expected(Scenario s, int dayOfWeek) {
        int days = HISTORY + YEAR;
        double[] out = new double[days];
        for (int t = 0; t < days; t++) {
            int dow = Math.floorMod(dayOfWeek - 1 + t, 7);
            double rhythm = dow >= 5 ? 1 - s.weekly() : 1 + s.weekly() * 2 / 5;
            double trend = 1 + s.trend() * t / days;
            out[t] = s.mean() * rhythm * trend;
        }
        return out;
    }

    private static int[] draw(double[] expected, double size, SplittableRandom random) {
        int[] out = new int[expected.length];
        for (int t = 0; t < expected.length; t++) {
            double mean = Double.isInfinite(size) ? expected[t] : gamma(size, random) * expected[t] / size;
            out[t] = poisson(mean, random);
        }
        return out;
    }

    /** A Poisson draw; exact below a mean of 50, normal above. */
    public static int poisson(double mean, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** A Gamma(shape, 1) draw by Marsaglia and Tsang's method. */
    static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private Simulation() {
    }
}
