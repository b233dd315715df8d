package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * MinHash signatures of a text's word 5-shingles. Two texts' signatures agree in about the same fraction of
 * places as the Jaccard similarity of their shingle sets, whatever the texts' length.
 */
public final class MinHash {

    public static final int SHINGLE = 5;

    private final long[] seeds;

    public MinHash(int hashes) {
        seeds = new long[hashes];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < hashes; i++) {
            x += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(x);
        }
    }

    public int hashes() {
        return seeds.length;
    }

    /** The signature: per hash function, the least hash over the shingles. */
    public long[] signature(String text) {
        long[] sig = new long[seeds.length];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long shingle : shingles(text)) {
            for (int i = 0; i < seeds.length; i++) {
                long h = mix(shingle ^ seeds[i]);
                if (Long.compareUnsigned(h, sig[i]) < 0) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** 64-bit hashes of every run of five words, folded to lowercase without accents or punctuation. */
    static List<Long> shingles(String text) {
        List<String> words = new ArrayList<>();
        for (String w : Names.key(text).split(" ")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        List<Long> out = new ArrayList<>();
        int n = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < Math.min(words.size(), i + SHINGLE); j++) {
                for (int k = 0; k < words.get(j).length(); k++) {
                    h = (h ^ words.get(j).charAt(k)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            out.add(h);
        }
        return out;
    }

    /** The finaliser of MurmurHash3: spreads every input bit over the whole word. */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
