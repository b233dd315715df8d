package org.vigil.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The keys of the search index on SQLite (search_docs.doc_id, the FTS5 rowid), which put the rows in the order a
 * result page shows them: the millisecond of the newest version's modified time in the high bits, then the order
 * of arrival among rows of that millisecond. FTS5 walks its rowids backwards straight from its index, so a page of
 * the newest matches reads about as many rows as it shows, however many match. Keep in step with
 * db/migration/sqlite/V17__search_keys_in_time_order.sql, which keys the rows stored before.
 */
final class SearchKeys {

    /** Bits for the rows that share a millisecond: 262,144 of them before they spill into the next one. */
    static final int TIE_BITS = 18;
    static final long SLOT = 1L << TIE_BITS;
    /**
     * Milliseconds from the epoch that keys tell apart (about 557 years either side: 1413 to 2527); times beyond
     * share the edge, in order of arrival. Half the key space stays free above, for spills.
     */
    static final long MAX_MILLIS = (1L << 44) - 1;

    private SearchKeys() {
    }

    /** The first key of a modified time's millisecond. */
    static long slot(long modifiedMicros) {
        long millis = Math.max(-MAX_MILLIS - 1, Math.min(MAX_MILLIS, Math.floorDiv(modifiedMicros, 1000L)));
        return millis << TIE_BITS;
    }

    /** The lowest key a row modified at or after this time can have. */
    static long lowest(long fromMicros) {
        return slot(fromMicros);
    }

    /**
     * A key above every row modified at or before this time, but for rows that spilled out of a full millisecond
     * (more than {@link #SLOT} rows modified in it) more than a second on; those the exact time test may miss.
     */
    static long beyond(long toMicros) {
        long millis = Math.floorDiv(toMicros, 1000L);
        return millis >= MAX_MILLIS - 1000 ? Long.MAX_VALUE : slot((millis + 1001) * 1000L);
    }

    /**
     * The next free key for a row modified at this time, above the rows of its millisecond already stored
     * ({@code highest}: the largest doc_id in [?, ?)) and those given out in this batch ({@code next}, by slot).
     */
    static long next(PreparedStatement highest, Map<Long, Long> next, long modifiedMicros) throws SQLException {
        long slot = slot(modifiedMicros);
        while (true) {
            Long key = next.get(slot);
            if (key == null) {
                highest.setLong(1, slot);
                highest.setLong(2, slot + SLOT);
                try (ResultSet rs = highest.executeQuery()) {
                    rs.next();
                    long max = rs.getLong(1);
                    key = rs.wasNull() ? slot : max + 1;
                }
            }
            if (key < slot + SLOT) {
                next.put(slot, key + 1);
                return key;
            }
            next.put(slot, key);
            slot += SLOT;
        }
    }
}
