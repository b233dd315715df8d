package org.vigil.picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.picture.detection.Detector;

/**
 * The days the test flagged in each place's series, remembered from one request to the next so that only days
 * whose window of history changed are tested again. A verdict is a function of the counts in its window alone, so
 * a day is re-tested exactly when a count in its window differs from the last answer's: after a POST, the days
 * after the new reporting at the places it touched, and nothing elsewhere.
 *
 * <p>Entries are kept per reader, place and first day, so readers who see different counts never share one; the
 * least recently used are forgotten beyond {@link #ENTRIES}.
 */
final class FlaggedDays {

    /** About 2 KB each at a span of 465 days: some tens of megabytes at most. */
    static final int ENTRIES = 20_000;
    private final Detector detector;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > ENTRIES;
        }
    };

    FlaggedDays(Detector detector) {
        this.detector = detector;
    }

    private record Key(UUID reader, String place, long firstDay) {
    }

    private record Entry(int[] counts, List<Flag> flags) {
    }

    /** A flagged day of the series and the verdict on it. */
    record Flag(int day, Detector.Verdict verdict) {
    }

    /** The flagged days from {@code from} on, of one reader's series at one place that starts on {@code firstDay}. */
    List<Flag> flagged(UUID reader, String place, long firstDay, int[] counts, int from, int weekday) {
        Key key = new Key(reader, place, firstDay);
        Entry known;
        synchronized (entries) {
            known = entries.get(key);
        }
        int changed = known == null || known.counts().length != counts.length ? 0 : firstDifference(known.counts(), counts);
        List<Flag> out = new ArrayList<>();
        if (known != null) {
            // A verdict reads only the counts up to its own day, so the days before the first change still hold.
            known.flags().stream().filter(f -> f.day() < changed && f.day() >= from).forEach(out::add);
        }
        for (int t = Math.max(from, changed); t < counts.length; t++) {
            if (detector.mayFlag(counts[t])) {
                Detector.Verdict v = detector.judge(counts, 0, t, weekday);
                if (v.flagged()) {
                    out.add(new Flag(t, v));
                }
            }
        }
        synchronized (entries) {
            entries.put(key, new Entry(counts.clone(), List.copyOf(out)));
        }
        return out;
    }

    /** The first day whose count differs, or past the end if none does: the first verdict that may differ. */
    private static int firstDifference(int[] before, int[] now) {
        int i = Arrays.mismatch(before, now);
        return i < 0 ? now.length : i;
    }
}
