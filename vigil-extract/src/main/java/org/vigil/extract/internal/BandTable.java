package org.vigil.extract.internal;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A multimap from 64-bit band keys to article numbers in two flat arrays (open addressing, linear probing),
 * so that an index of hundreds of thousands of articles costs a few bytes per band, not a boxed entry.
 */
public final class BandTable {

    private static final long EMPTY = 0;

    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private int size;

    public void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key == EMPTY ? 1 : key, value);
        size++;
    }

    /** Calls {@code action} with every value stored under {@code key}. */
    public void forEach(long key, IntConsumer action) {
        long k = key == EMPTY ? 1 : key;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); keys[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == k) {
                action.accept(values[i]);
            }
        }
    }

    public int size() {
        return size;
    }

    /** Bytes held by the arrays, for capacity planning. */
    public long bytes() {
        return (long) keys.length * Long.BYTES + (long) values.length * Integer.BYTES;
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldKeys, EMPTY);
    }

    private static int slot(long key, int mask) {
        return (int) Shingles.mix(key) & mask;
    }
}
