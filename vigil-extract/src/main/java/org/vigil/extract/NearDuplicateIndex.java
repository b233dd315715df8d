package org.vigil.extract;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vigil.extract.internal.BandTable;
import org.vigil.extract.internal.Shingles;
import org.vigil.stix.Identifier;

/**
 * Recognises near-duplicate articles: copies of one wire story that outlets cut at different lengths, with
 * their own headline, dateline and credits and a few words changed. Each story (the article without
 * headline, credits and dateline) is reduced to a fixed sample of its word 5-shingles ({@link Shingles}); two
 * stories are the same when the sample of the shorter is contained in the longer one's for at least the
 * threshold (0.3 by default: real copies share 50–100% of the shorter text, different stories on one event
 * under 1%; see docs/extraction-gold.md). The index maps each sampled shingle to the articles holding it, so a
 * lookup touches only articles that share something. About 4 bytes per sampled shingle and 16 per article for
 * the samples, plus the table. Thread-safe.
 */
public final class NearDuplicateIndex {

    /** Containment from which two stories count as the same. */
    public static final double DEFAULT_THRESHOLD = 0.3;

    /** Fewer sampled shingles in common than this never make a duplicate, whatever the share. */
    private static final int MIN_SHARED = 3;
    private static final String FORMAT = "s8:";

    private final BandTable postings = new BandTable();
    private final double threshold;
    private int[] sizes = new int[1024];
    private long[] uuids = new long[2 * 1024];
    private int count;

    private NearDuplicateIndex(double threshold) {
        this.threshold = threshold;
    }

    public static NearDuplicateIndex create() {
        return new NearDuplicateIndex(DEFAULT_THRESHOLD);
    }

    public static NearDuplicateIndex create(double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1], not " + threshold);
        }
        return new NearDuplicateIndex(threshold);
    }

    /**
     * The earlier report whose story this one nearly repeats (the one sharing the largest share); when there
     * is none, records this one and returns empty. A near-duplicate is not recorded, so later copies too point
     * to the first report.
     */
    public synchronized Optional<Duplicate> add(String reportId, String story) {
        int[] sample = Shingles.sample(story);
        Optional<Duplicate> match = bestMatch(sample);
        if (match.isEmpty()) {
            store(uuidOf(reportId), sample);
        }
        return match;
    }

    /** The story of an article's raw text, as the index compares it: without headline, credits and dateline. */
    public static String storyOf(String articleText) {
        return org.vigil.extract.internal.Cleaner.clean(articleText).story();
    }

    /** How much two stories share, as the index measures it (for tuning and for the docs' table). */
    public static Duplicate compare(String story, String other) {
        int[] a = Shingles.sample(story);
        int[] b = Shingles.sample(other);
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length;) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new Duplicate("", share(shared, Math.min(a.length, b.length)), share(shared, a.length + b.length - shared));
    }

    /**
     * A story's fingerprint: its sampled shingles as text, kept on its report so that a later run can rebuild
     * the index from the reports already stored, without their articles.
     */
    public static String fingerprint(String story) {
        int[] sample = Shingles.sample(story);
        ByteBuffer bytes = ByteBuffer.allocate(sample.length * Integer.BYTES);
        for (int v : sample) {
            bytes.putInt(v);
        }
        return FORMAT + Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /**
     * Records an earlier report by its fingerprint, as {@link #fingerprint} gave it; returns false, recording
     * nothing, for the MinHash fingerprints of Vigil before 0.2, which cannot measure containment.
     */
    public synchronized boolean addFingerprint(String reportId, String fingerprint) {
        if (!fingerprint.startsWith(FORMAT)) {
            if (fingerprint.matches("[A-Za-z0-9+/]{256}")) {
                return false;
            }
            throw new IllegalArgumentException("the fingerprint of " + reportId + " is not one Vigil makes ("
                    + FORMAT + "base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(fingerprint.substring(FORMAT.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the fingerprint of " + reportId + " is not base64 after '" + FORMAT + "'", e);
        }
        if (bytes.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException("the fingerprint of " + reportId + " has " + bytes.length
                    + " bytes, not a multiple of 4");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] sample = new int[bytes.length / Integer.BYTES];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = buffer.getInt();
        }
        store(uuidOf(reportId), sample);
        return true;
    }

    /** How many distinct articles are recorded. */
    public synchronized int size() {
        return count;
    }

    /** Bytes held by the index's arrays. */
    public synchronized long bytes() {
        return postings.bytes() + (long) sizes.length * Integer.BYTES + (long) uuids.length * Long.BYTES;
    }

    private Optional<Duplicate> bestMatch(int[] sample) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (int h : sample) {
            postings.forEach(h, doc -> shared.merge(doc, 1, Integer::sum));
        }
        int best = -1;
        double bestShare = 0;
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
            int doc = e.getKey();
            int n = e.getValue();
            double containment = share(n, Math.min(sample.length, sizes[doc]));
            if (n >= MIN_SHARED && containment >= threshold
                    && (containment > bestShare || containment == bestShare && doc < best)) {
                best = doc;
                bestShare = containment;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        int n = shared.get(best);
        UUID first = new UUID(uuids[2 * best], uuids[2 * best + 1]);
        return Optional.of(new Duplicate("report--" + first, bestShare, share(n, sample.length + sizes[best] - n)));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private void store(UUID uuid, int[] sample) {
        if (count == sizes.length) {
            sizes = Arrays.copyOf(sizes, sizes.length * 2);
            uuids = Arrays.copyOf(uuids, uuids.length * 2);
        }
        sizes[count] = sample.length;
        uuids[2 * count] = uuid.getMostSignificantBits();
        uuids[2 * count + 1] = uuid.getLeastSignificantBits();
        for (int h : sample) {
            postings.put(h, count);
        }
        count++;
    }

    private static UUID uuidOf(String reportId) {
        if (!"report".equals(Identifier.typeOf(reportId)) || Identifier.problem(reportId) != null) {
            throw new IllegalArgumentException("'" + reportId + "' is not a report id (report--<uuid>)");
        }
        return UUID.fromString(reportId.substring("report--".length()));
    }
}
