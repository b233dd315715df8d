package org.vigil.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.stix.Tlp;
import org.vigil.store.PlaceIndexChange;
import org.vigil.store.PlaceIndexRows;
import org.vigil.store.PlaceLink;
import org.vigil.store.Store;

/**
 * The store's place index copied into memory as columns of numbers, and caught up from the index's change log
 * before each use. Counting a year of reporting at every place for one reader is then a pass over arrays, not a
 * read of every row from the database with a decision per row on each request.
 *
 * <p>Each row keeps what the marking policy decides it by (collection, level, source, poster, RED recipients) as
 * one of a few visibility classes, so a reader's view is decided once per class. Ids are kept as 64-bit hashes:
 * an object's, to find its rows again when it changes, and an item's, to tell stories apart; two different ids
 * share a hash with a probability far below one in a billion at ten million rows.
 *
 * <p>The copy holds no more than the index: the store stays the truth, a crash loses nothing, and each node keeps
 * its own copy. The change log is written in the transaction that changes the index; PostgreSQL may commit its
 * numbers out of order, so a number skipped on the way is looked for again until it appears or is older than
 * {@link PlaceIndexChange#SETTLED} (see {@link #refresh}).
 */
final class PlaceIndexCopy {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceIndexCopy.class);
    private static final int CHANGES_PER_READ = 10_000;
    /** Changes older than this are pruned; a copy that has not caught up for so long reads the index again. */
    private static final Duration KEEP_CHANGES = Duration.ofDays(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final byte ITEM_IS_IDENTITY = 1;

    private final Store store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private int size;
    private long[] object = new long[1024];
    private long[] item = new long[1024];
    private int[] place = new int[1024];
    private int[] day = new int[1024];
    private int[] visibility = new int[1024];
    private byte[] kind = new byte[1024];

    private final Numbered<String> placeIds = new Numbered<>();
    private final Numbered<Visibility> classes = new Numbered<>();
    private final Numbered<UUID> collections = new Numbered<>();
    /** duplicate-of relationships by the relationship's key: {collection number, copy hash, original hash}. */
    private final Map<Long, long[]> copies = new HashMap<>();

    /** The stories each (collection, copy) tells, built again when a duplicate-of changes; null when stale. */
    private Originals originals;
    /** The newest change applied; -1 before the first load. */
    private long seen = -1;
    /** Numbers below {@link #seen} not seen yet: their writers may still commit them. */
    private final java.util.TreeSet<Long> gaps = new java.util.TreeSet<>();
    private Instant refreshed = Instant.EPOCH;
    private Instant pruned = Instant.EPOCH;

    PlaceIndexCopy(Store store) {
        this.store = store;
    }

    /** What the marking policy decides a row by. */
    record Visibility(UUID collectionId, Tlp tlp, String createdByRef, UUID postedBy, Set<String> recipients) {
    }

    /** The copy as of now, held for reading until closed; the arrays must not be kept beyond it. */
    Snapshot read() {
        refresh();
        lock.readLock().lock();
        return new Snapshot();
    }

    /** A consistent view of the copy for one count. */
    final class Snapshot implements AutoCloseable {

        int size() {
            return size;
        }

        long item(int row) {
            return item[row];
        }

        int place(int row) {
            return place[row];
        }

        int day(int row) {
            return day[row];
        }

        int visibility(int row) {
            return visibility[row];
        }

        boolean itemIsIdentity(int row) {
            return kind[row] == ITEM_IS_IDENTITY;
        }

        int places() {
            return placeIds.size();
        }

        String placeId(int number) {
            return placeIds.get(number);
        }

        int placeNumber(String id) {
            return placeIds.find(id);
        }

        List<Visibility> classes() {
            return classes.all();
        }

        int collectionNumber(UUID id) {
            return collections.find(id);
        }

        /** The stories an item tells, by {@link #storyKey}: the originals it is a duplicate-of; absent: itself. */
        Originals originals() {
            return originals;
        }

        @Override
        public void close() {
            lock.readLock().unlock();
        }
    }

    static long storyKey(int collection, long itemHash) {
        return mix(itemHash * 31 + collection);
    }

    /**
     * Catches up with the change log: reads the changes after the newest one seen, and again any number skipped on
     * the way (a writer that took it has not committed yet, or rolled back) until it appears or is settled; then
     * re-reads the rows of the objects those changes name.
     */
    private void refresh() {
        lock.writeLock().lock();
        try {
            Instant now = Instant.now();
            if (seen < 0 || Duration.between(refreshed, now).compareTo(KEEP_CHANGES.minus(PRUNE_EVERY)) > 0) {
                reload();
                return;
            }
            Set<PlaceIndexRows.Key> stale = new HashSet<>();
            long settled = catchUp(gaps.isEmpty() ? seen : gaps.first() - 1, stale);
            gaps.headSet(settled, true).clear();
            resync(stale);
            refreshed = now;
            pruneNowAndThen();
        } finally {
            if (originals == null) {
                originals = mergedCopies();
            }
            lock.writeLock().unlock();
        }
    }

    /** Reads every change after {@code after}, noting the new ones and the numbers skipped; returns the settled number. */
    private long catchUp(long after, Set<PlaceIndexRows.Key> stale) {
        long settled = -1;
        while (true) {
            PlaceIndexChange.Log log = store.placeIndexChanges(after, CHANGES_PER_READ);
            settled = settled < 0 ? log.settled() : settled;
            for (PlaceIndexChange c : log.changes()) {
                if (c.seq() > seen) {
                    for (long skipped = seen + 1; skipped < c.seq(); skipped++) {
                        gaps.add(skipped);
                    }
                    seen = c.seq();
                    stale.add(new PlaceIndexRows.Key(c.collectionId(), c.objectId()));
                } else if (gaps.remove(c.seq())) {
                    stale.add(new PlaceIndexRows.Key(c.collectionId(), c.objectId()));
                }
                after = c.seq();
            }
            if (log.changes().size() < CHANGES_PER_READ) {
                return settled;
            }
        }
    }

    private Originals mergedCopies() {
        Map<Long, long[]> out = new HashMap<>();
        for (long[] c : copies.values()) {
            long key = storyKey((int) c[0], c[1]);
            long[] known = out.get(key);
            out.put(key, known == null ? new long[] {c[2]} : append(known, c[2]));
        }
        return new Originals(out);
    }

    /**
     * The originals of each copy, by story key, in open addressing over arrays: looked up once per counted row, so
     * it must not box or chase pointers.
     */
    static final class Originals {
        private final long[] keys;
        private final long[][] values;
        private final int mask;

        private Originals(Map<Long, long[]> entries) {
            int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2)) * 2;
            keys = new long[capacity];
            values = new long[capacity][];
            mask = capacity - 1;
            entries.forEach((k, v) -> {
                int at = slot(k);
                while (values[at] != null) {
                    at = (at + 1) & mask;
                }
                keys[at] = k;
                values[at] = v;
            });
        }

        /** The originals of a story key, or null when the item is no copy. */
        long[] get(long key) {
            for (int at = slot(key); values[at] != null; at = (at + 1) & mask) {
                if (keys[at] == key) {
                    return values[at];
                }
            }
            return null;
        }

        private int slot(long key) {
            return (int) (key ^ (key >>> 32)) & mask;
        }
    }

    /**
     * Reads the whole index. The changes not yet settled are noted first, so that a number still missing then is
     * read again when it appears; a change that commits between the two reads is applied twice, which changes
     * nothing.
     */
    private void reload() {
        long started = System.nanoTime();
        size = 0;
        copies.clear();
        originals = null;
        gaps.clear();
        PlaceIndexChange.Log bounds = store.placeIndexChanges(Long.MAX_VALUE, 1);
        seen = Math.max(bounds.settled(), Math.max(0, bounds.oldest() - 1));
        catchUp(seen, new HashSet<>());
        store.readPlaceIndex(Set.of(), new Sink());
        refreshed = Instant.now();
        LOG.info("read {} rows of the place index into memory in {} ms", size,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Drops the rows of changed objects and reads what the index holds for them now. */
    private void resync(Set<PlaceIndexRows.Key> stale) {
        if (stale.isEmpty()) {
            return;
        }
        long[] keys = new long[stale.size()];
        int k = 0;
        for (PlaceIndexRows.Key key : stale) {
            keys[k++] = objectKey(collections.number(key.collectionId()), key.objectId());
            if (copies.remove(keys[k - 1]) != null) {
                originals = null;
            }
        }
        Arrays.sort(keys);
        int kept = 0;
        for (int row = 0; row < size; row++) {
            if (Arrays.binarySearch(keys, object[row]) < 0) {
                move(row, kept++);
            }
        }
        size = kept;
        store.readPlaceIndex(stale, new Sink());
    }

    private void move(int from, int to) {
        if (from != to) {
            object[to] = object[from];
            item[to] = item[from];
            place[to] = place[from];
            day[to] = day[from];
            visibility[to] = visibility[from];
            kind[to] = kind[from];
        }
    }

    private void pruneNowAndThen() {
        Instant now = Instant.now();
        if (Duration.between(pruned, now).compareTo(PRUNE_EVERY) > 0) {
            pruned = now;
            store.prunePlaceIndexChanges(now.minus(KEEP_CHANGES));
        }
    }

    /** Appends rows as the store hands them over. */
    private final class Sink implements PlaceIndexRows {

        @Override
        public void link(PlaceLink l) {
            if (size == object.length) {
                grow();
            }
            int collection = collections.number(l.collectionId());
            object[size] = objectKey(collection, l.objectId());
            item[size] = hash(l.itemId());
            place[size] = placeIds.number(l.placeId());
            day[size] = (int) l.day().toEpochDay();
            visibility[size] = classes.number(new Visibility(l.collectionId(), l.tlp(), l.createdByRef(),
                    l.postedBy(), l.redRecipients()));
            kind[size] = l.itemId().startsWith("identity--") ? ITEM_IS_IDENTITY : 0;
            size++;
        }

        @Override
        public void copy(Copy c) {
            int collection = collections.number(c.collectionId());
            copies.put(objectKey(collection, c.objectId()), new long[] {collection, hash(c.copyId()),
                    hash(c.originalId())});
            originals = null;
        }
    }

    private void grow() {
        int n = object.length + (object.length >> 1);
        object = Arrays.copyOf(object, n);
        item = Arrays.copyOf(item, n);
        place = Arrays.copyOf(place, n);
        day = Arrays.copyOf(day, n);
        visibility = Arrays.copyOf(visibility, n);
        kind = Arrays.copyOf(kind, n);
    }

    private static long objectKey(int collection, String objectId) {
        return mix(hash(objectId) ^ ((long) collection << 40));
    }

    /** A 64-bit hash of an id: FNV-1a over its characters, then a finalising mix so every bit counts. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] append(long[] a, long v) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /** Values numbered in the order first met, so rows can hold an int instead of the value. */
    private static final class Numbered<T> {
        private final Map<T, Integer> numbers = new HashMap<>();
        private final List<T> values = new ArrayList<>();

        int number(T value) {
            Integer n = numbers.get(value);
            if (n == null) {
                n = values.size();
                numbers.put(value, n);
                values.add(value);
            }
            return n;
        }

        int find(T value) {
            return numbers.getOrDefault(value, -1);
        }

        T get(int n) {
            return values.get(n);
        }

        int size() {
            return values.size();
        }

        List<T> all() {
            return values;
        }
    }
}
