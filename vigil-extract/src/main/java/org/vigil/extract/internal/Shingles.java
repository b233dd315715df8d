package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed sample of a text's word 5-shingles: every shingle whose hash falls in one residue class of
 * {@link #RATE}. Because the rule depends only on the shingle, the sample of what two texts share is what
 * their samples share, so containment and resemblance can be counted on samples of any length.
 */
public final class Shingles {

    public static final int SHINGLE = 5;
    /** One shingle in eight is kept: about 40 for a 300-word article, 100 for 800 words. */
    public static final int RATE = 8;

    private Shingles() {
    }

    /** The sampled shingles' 32-bit hashes, sorted, without repeats. */
    public static int[] sample(String text) {
        List<String> words = new ArrayList<>();
        for (String w : Names.key(text).split(" ")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        int[] out = new int[Math.max(0, words.size() - SHINGLE + 1)];
        int n = 0;
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < i + SHINGLE; j++) {
                String w = words.get(j);
                for (int k = 0; k < w.length(); k++) {
                    h = (h ^ w.charAt(k)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            h = mix(h);
            if (Long.remainderUnsigned(h, RATE) == 0) {
                int v = (int) (h >>> 32);
                out[n++] = v == 0 ? 1 : v;
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    /** The finaliser of MurmurHash3: spreads every input bit over the whole word. */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
