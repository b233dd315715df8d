package org.vigil.picture.detection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NegativeBinomialDetectorTest {

    private final Detector detector = new NegativeBinomialDetector();

    private static int[] poisson(double mean, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = new int[days];
        for (int i = 0; i < days; i++) {
            out[i] = Simulation.poisson(mean, random);
        }
        return out;
    }

    @Test
    void flagsADayThatTriplesASteadyPlacesCount() {
        int[] counts = poisson(4, 120, 1);
        counts[119] = 16;
        Detector.Verdict v = detector.judge(counts, 0, 119, 1);
        assertTrue(v.flagged(), v.toString());
        assertTrue(Math.abs(v.expected() - 4) < 1.2, v.toString());
    }

    @Test
    void doesNotFlagAnOrdinaryDay() {
        int[] counts = poisson(4, 120, 2);
        counts[119] = 6;
        assertFalse(detector.judge(counts, 0, 119, 1).flagged());
    }

    @Test
    void neverFlagsFewerThanThreeStoriesHoweverQuietThePlace() {
        int[] counts = new int[120];
        counts[119] = 2;
        assertFalse(detector.judge(counts, 0, 119, 1).flagged());
        counts[119] = 5;
        assertTrue(detector.judge(counts, 0, 119, 1).flagged(), "five stories at a place that never had one");
    }

    @Test
    void doesNotTestAPlaceWithLessThanTwoWeeksOfHistory() {
        int[] counts = new int[30];
        counts[29] = 50;
        Detector.Verdict v = detector.judge(counts, 20, 29, 1);
        assertFalse(v.flagged());
        assertTrue(Double.isNaN(v.expected()));
    }

    @Test
    void expectsLessOnTheDaysOfTheWeekThatAreQuieter() {
        int[] counts = new int[140];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i % 7 >= 5 ? 1 : 8;
        }
        double weekday = detector.judge(counts, 0, 136, 1).expected();
        double weekend = detector.judge(counts, 0, 138, 1).expected();
        assertTrue(weekend < weekday / 2, weekday + " on a weekday, " + weekend + " at the weekend");
        assertFalse(detector.judge(counts, 0, 136, 1).flagged(), "a busy weekday is ordinary");
    }

    @Test
    void aSustainedRiseNoSingleDayMakesImprobableIsCaughtByTheThreeDaySum() {
        int[] counts = new int[120];
        Arrays.fill(counts, 3);
        counts[117] = 7;
        counts[118] = 7;
        counts[119] = 7;
        assertTrue(detector.judge(counts, 0, 119, 1).flagged());
    }

    @Test
    void earsC2FlagsThreeStandardDeviationsAboveItsWeek() {
        int[] counts = new int[20];
        Arrays.fill(counts, 2);
        counts[5] = 3;
        counts[19] = 6;
        assertTrue(new EarsC2().judge(counts, 0, 19, 1).flagged());
        counts[19] = 3;
        assertFalse(new EarsC2().judge(counts, 0, 19, 1).flagged());
    }
}
