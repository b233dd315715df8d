package org.vigil.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.picture.detection.Detector;
import org.vigil.picture.detection.NegativeBinomialDetector;

/** Remembered verdicts are reused only where they cannot have changed. */
class FlaggedDaysTest {

    private final Detector detector = new NegativeBinomialDetector();
    private final SplittableRandom random = new SplittableRandom(9);

    @Test
    void aChangedCountReTestsEveryLaterDayAndAgreesWithTestingAfresh() {
        FlaggedDays remembered = new FlaggedDays(detector);
        UUID reader = UUID.randomUUID();
        int[] counts = series(465);
        assertFalse(afresh(counts, 100).isEmpty(), "the series has bursts to flag");
        assertEquals(days(afresh(counts, 100)), days(remembered.flagged(reader, "p", 0, counts, 100, 3)));
        for (int round = 0; round < 20; round++) {
            int[] changed = counts.clone();
            int day = random.nextInt(465);
            changed[day] += random.nextInt(1, 12);
            assertEquals(days(afresh(changed, 100)), days(remembered.flagged(reader, "p", 0, changed, 100, 3)),
                    "after a change on day " + day);
            counts = changed;
        }
    }

    @Test
    void readersAndFirstDaysNeverShareWhatWasRemembered() {
        FlaggedDays remembered = new FlaggedDays(detector);
        int[] burst = series(465);
        int[] quiet = new int[465];
        UUID a = UUID.randomUUID();
        remembered.flagged(a, "p", 0, burst, 100, 3);
        assertEquals(List.of(), days(remembered.flagged(UUID.randomUUID(), "p", 0, quiet, 100, 3)));
        assertEquals(days(afresh(burst, 100)), days(remembered.flagged(a, "p", 0, burst, 100, 3)));
    }

    private int[] series(int span) {
        int[] counts = new int[span];
        for (int t = 0; t < span; t++) {
            counts[t] = random.nextInt(5) + (t % 60 > 55 ? 12 : 0);
        }
        return counts;
    }

    private List<Integer> afresh(int[] counts, int from) {
        List<Integer> out = new ArrayList<>();
        for (int t = from; t < counts.length; t++) {
            if (detector.judge(counts, 0, t, 3).flagged()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<Integer> days(List<?> flags) {
        List<Integer> out = new ArrayList<>();
        for (Object f : flags) {
            out.add(f instanceof FlaggedDays.Flag flag ? flag.day() : (Integer) f);
        }
        return out;
    }
}
