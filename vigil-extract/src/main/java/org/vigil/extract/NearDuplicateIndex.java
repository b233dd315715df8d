package org.vigil.extract;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.vigil.extract.internal.BandTable;
import org.vigil.extract.internal.MinHash;
import org.vigil.stix.Identifier;

/**
 * Recognises near-duplicate articles (the same wire story republished with small edits) among any number of
 * earlier ones: MinHash signatures of word 5-shingles, bucketed by locality-sensitive hashing in 16 bands of
 * 6 rows, then confirmed on the signatures. Each article costs about 600 bytes: its 16 band entries, a
 * 16-bit-per-row signature and its report's UUID. Thread-safe.
 */
public final class NearDuplicateIndex {

    /** Estimated Jaccard similarity from which two articles count as the same story. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    private static final int BANDS = 16;
    private static final int ROWS = 6;

    /** The same seeds in every process, so fingerprints taken in one run match those of another. */
    private static final MinHash MIN_HASH = new MinHash(BANDS * ROWS);
    private final BandTable bands = new BandTable();
    private final double threshold;
    private short[] signatures = new short[BANDS * ROWS * 1024];
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
     * The first earlier report whose text this one nearly repeats; when there is none, records this one and
     * returns empty. A near-duplicate is not recorded, so later copies too point to the first report.
     */
    public synchronized Optional<Duplicate> add(String reportId, String text) {
        UUID uuid = uuidOf(reportId);
        long[] sig = shorten(MIN_HASH.signature(text));
        long[] keys = bandKeys(sig);
        Optional<Duplicate> match = bestMatch(keys, sig);
        if (match.isEmpty()) {
            store(uuid, sig, keys);
        }
        return match;
    }

    /**
     * An article's fingerprint: its MinHash signature as text (about 260 characters), kept on its report so that a
     * later run can rebuild the index from the reports already stored, without their articles.
     */
    public static String fingerprint(String text) {
        long[] sig = shorten(MIN_HASH.signature(text));
        ByteBuffer bytes = ByteBuffer.allocate(sig.length * Short.BYTES);
        for (long v : sig) {
            bytes.putShort((short) v);
        }
        return Base64.getEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Records an earlier report by its fingerprint, as {@link #fingerprint} gave it. */
    public synchronized void addFingerprint(String reportId, String fingerprint) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(fingerprint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the fingerprint of " + reportId + " is not base64", e);
        }
        if (bytes.length != BANDS * ROWS * Short.BYTES) {
            throw new IllegalArgumentException("the fingerprint of " + reportId + " has " + bytes.length
                    + " bytes, not " + BANDS * ROWS * Short.BYTES);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] sig = new long[BANDS * ROWS];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = buffer.getShort();
        }
        store(uuidOf(reportId), sig, bandKeys(sig));
    }

    /** Signatures are kept to 16 bits a row; band keys hash the same 16 bits, so a fingerprint restores both. */
    private static long[] shorten(long[] sig) {
        long[] out = new long[sig.length];
        for (int i = 0; i < sig.length; i++) {
            out[i] = (short) sig[i];
        }
        return out;
    }

    /** How many distinct articles are recorded. */
    public synchronized int size() {
        return count;
    }

    /** Bytes held by the index's arrays. */
    public synchronized long bytes() {
        return bands.bytes() + (long) signatures.length * Short.BYTES + (long) uuids.length * Long.BYTES;
    }

    private Optional<Duplicate> bestMatch(long[] keys, long[] sig) {
        int[] best = {-1};
        double[] bestSim = {0};
        for (long key : keys) {
            bands.forEach(key, doc -> {
                double sim = similarity(doc, sig);
                if (sim >= threshold && (sim > bestSim[0] || sim == bestSim[0] && doc < best[0])) {
                    best[0] = doc;
                    bestSim[0] = sim;
                }
            });
        }
        if (best[0] < 0) {
            return Optional.empty();
        }
        UUID first = new UUID(uuids[2 * best[0]], uuids[2 * best[0] + 1]);
        return Optional.of(new Duplicate("report--" + first, bestSim[0]));
    }

    private double similarity(int doc, long[] sig) {
        int same = 0;
        int base = doc * sig.length;
        for (int i = 0; i < sig.length; i++) {
            if (signatures[base + i] == (short) sig[i]) {
                same++;
            }
        }
        return (double) same / sig.length;
    }

    private long[] bandKeys(long[] sig) {
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b + 1;
            for (int r = 0; r < ROWS; r++) {
                h = MinHash.mix(h * 31 + sig[b * ROWS + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    private void store(UUID uuid, long[] sig, long[] keys) {
        if ((count + 1) * sig.length > signatures.length) {
            signatures = Arrays.copyOf(signatures, signatures.length * 2);
            uuids = Arrays.copyOf(uuids, uuids.length * 2);
        }
        for (int i = 0; i < sig.length; i++) {
            signatures[count * sig.length + i] = (short) sig[i];
        }
        uuids[2 * count] = uuid.getMostSignificantBits();
        uuids[2 * count + 1] = uuid.getLeastSignificantBits();
        for (long key : keys) {
            bands.put(key, count);
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
