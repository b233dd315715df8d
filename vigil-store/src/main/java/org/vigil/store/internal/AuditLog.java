package org.vigil.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.AuditEvent;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditHead.Seal;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;

/** The append-only, hash-chained audit log: appends and listings, nothing else. */
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** Id lists at least this long are stored once in audit_id_lists; shorter ones stay in their record. */
    private static final int SHARED_LIST_MIN = 16;

    private final Database db;
    private final Sql sql;
    /** The key that seals the head, or null. */
    private final byte[] key;
    /** Whether this process has already warned that it appends to a head whose seal does not fit. */
    private volatile boolean warnedUnsealed;

    AuditLog(Database db, byte[] key) {
        this.db = db;
        this.sql = new Sql(db.dialect);
        this.key = key == null ? null : key.clone();
    }

    /** The tail of the chain: the last record's number, time and hash, as the head row keeps them. */
    private record Tail(long seq, long at, String hash, String seal) {
    }

    AuditRecord append(AuditEvent event, boolean flush) {
        // Packed and digested before the transaction: only the chaining needs the log to itself.
        byte[] packed = AuditIds.pack(event.objectIds());
        String digest = AuditIds.digest(packed);
        return db.write("appending an audit record (" + event.action() + ")", flush,
                c -> append(c, event, packed, digest));
    }

    /** Appends a record in the caller's transaction (a write's, so that the write and its record commit together). */
    AuditRecord append(Connection c, AuditEvent event) throws SQLException {
        byte[] packed = AuditIds.pack(event.objectIds());
        return append(c, event, packed, AuditIds.digest(packed));
    }

    private AuditRecord append(Connection c, AuditEvent event, byte[] packed, String digest) throws SQLException {
        Tail tail = tail(c);
        // Times never go back along the chain, so "since" listings agree with sequence order.
        long micros = Math.max(Micros.now(), tail.at());
        Instant at = Micros.instant(micros);
        AuditRecord unsigned = new AuditRecord(tail.seq() + 1, at, event.actor(), event.action(), event.path(),
                event.objectIds(), digest, event.detail(), tail.hash(), null);
        AuditRecord record = new AuditRecord(unsigned.seq(), at, event.actor(), event.action(), event.path(),
                unsigned.objectIds(), digest, event.detail(), tail.hash(), unsigned.computeHash());
        sql.updateTogether(c, writes(record, packed, micros, nextSeal(tail, record)));
        return record;
    }

    /**
     * Reads the tail and keeps the log to this transaction until it ends: SQLite's write transactions already
     * exclude each other, and on PostgreSQL the head row stays locked, so concurrent appends chain one by one.
     */
    private Tail tail(Connection c) throws SQLException {
        return sql.first(c, "SELECT seq, at, hash, seal FROM audit_head WHERE id = 1" + db.dialect.forUpdate,
                p -> { }, rs -> new Tail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .orElseThrow(() -> new SQLException("the audit log's head row is missing; the store's schema is damaged"));
    }

    /**
     * What appending a record writes: the record, the head moved to it, and a long id list, which is stored once
     * under its digest and named by every record of it, so that a page read again costs a lookup rather than
     * another copy of its ids.
     */
    private static List<Sql.Update> writes(AuditRecord r, byte[] packed, long micros, String seal) {
        boolean shared = r.objectIds().size() >= SHARED_LIST_MIN;
        List<Sql.Update> writes = new ArrayList<>();
        if (shared) {
            writes.add(new Sql.Update("INSERT INTO audit_id_lists (digest, ids) VALUES (?, ?)"
                    + " ON CONFLICT (digest) DO NOTHING", p -> p.text(r.idsDigest()).bytes(packed)));
        }
        writes.add(new Sql.Update("INSERT INTO audit (seq, at, actor, action, path, object_ids, id_list, detail,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> p.bigint(r.seq()).bigint(Micros.of(r.at())).uuid(r.actor()).text(r.action()).text(r.path())
                        .bytes(shared ? new byte[0] : packed).text(shared ? r.idsDigest() : null).text(r.detail())
                        .text(r.prevHash()).text(r.hash())));
        writes.add(new Sql.Update("UPDATE audit_head SET seq = ?, at = ?, hash = ?, seal = ? WHERE id = 1",
                p -> p.bigint(r.seq()).bigint(micros).text(r.hash()).text(seal)));
        return writes;
    }

    AuditHead head() {
        return db.read("reading the audit log's head", c -> sql.first(c,
                "SELECT seq, hash, seal FROM audit_head WHERE id = 1", p -> { },
                rs -> new AuditHead(rs.getLong(1), rs.getString(2), sealState(rs.getLong(1), rs.getString(2),
                        rs.getString(3))))
                .orElse(new AuditHead(0, AuditRecord.GENESIS, key == null ? Seal.UNKEYED : Seal.BROKEN)));
    }

    AuditHead seal() {
        if (key == null) {
            throw new IllegalStateException("this store was opened without an audit key, so it cannot seal");
        }
        db.write("sealing the audit log's head", c -> {
            Tail tail = tail(c);
            return sql.update(c, "UPDATE audit_head SET seal = ? WHERE id = 1",
                    p -> p.text(sealOf(tail.seq(), tail.hash())));
        });
        return head();
    }

    /**
     * The seal of the head after this record: a fresh one only when the head it extends was sealed. A log changed
     * in the database stays unsealed from then on, however many records follow, until an administrator seals it
     * again: otherwise the next append would seal over the change and hide it.
     */
    private String nextSeal(Tail tail, AuditRecord record) {
        if (key == null) {
            return null;
        }
        if (sealState(tail.seq(), tail.hash(), tail.seal()) != Seal.INTACT) {
            if (!warnedUnsealed) {
                warnedUnsealed = true;
                LOG.warn("the audit log's head does not carry this installation's seal: the log was changed in the"
                        + " database; records are still appended, but vigil audit verify reports the log broken"
                        + " until it is sealed again");
            }
            return null;
        }
        return sealOf(record.seq(), record.hash());
    }

    private Seal sealState(long seq, String hash, String seal) {
        if (key == null) {
            return Seal.UNKEYED;
        }
        return seal != null && MessageDigest.isEqual(seal.getBytes(StandardCharsets.US_ASCII),
                sealOf(seq, hash).getBytes(StandardCharsets.US_ASCII)) ? Seal.INTACT : Seal.BROKEN;
    }

    /** HMAC-SHA256 over the head's number and hash under the audit key, in hex; null without a key. */
    private String sealOf(long seq, String hash) {
        if (key == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal(("vigil-audit-head-1\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    /**
     * Records matching a query, in sequence order. Naming an object is a byte search on the packed ids, which can
     * match by chance, so candidates are confirmed by unpacking and the search goes on until the page is full.
     */
    List<AuditRecord> list(AuditQuery q) {
        List<AuditRecord> out = new ArrayList<>();
        long afterSeq = q.afterSeq();
        while (true) {
            List<AuditRecord> batch = candidates(q, afterSeq);
            for (AuditRecord r : batch) {
                if (q.objectId() == null || r.objectIds().contains(q.objectId())) {
                    out.add(r);
                    if (out.size() == q.limit()) {
                        return out;
                    }
                }
            }
            if (batch.size() < q.limit()) {
                return out;
            }
            afterSeq = batch.get(batch.size() - 1).seq();
        }
    }

    private List<AuditRecord> candidates(AuditQuery q, long afterSeq) {
        StringBuilder where = new StringBuilder(" WHERE a.seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(afterSeq);
        if (q.actor() != null) {
            where.append(" AND a.actor = ?");
            params.add(q.actor());
        }
        if (q.since() != null) {
            where.append(" AND a.at >= ?");
            params.add(Micros.of(q.since()));
        }
        if (q.objectId() != null) {
            // A byte search over the records and the shared lists: listing by object is an occasional
            // administrative query, and keeping appends cheap matters far more.
            List<String> inline = new ArrayList<>();
            List<String> shared = new ArrayList<>();
            List<byte[]> needles = AuditIds.needles(q.objectId());
            for (byte[] needle : needles) {
                inline.add(db.dialect.contains("a.object_ids"));
                params.add(needle);
            }
            for (byte[] needle : needles) {
                shared.add(db.dialect.contains("l2.ids"));
                params.add(needle);
            }
            where.append(" AND (").append(String.join(" OR ", inline))
                    .append(" OR a.id_list IN (SELECT l2.digest FROM audit_id_lists l2 WHERE ")
                    .append(String.join(" OR ", shared)).append("))");
        }
        params.add(q.limit());
        String select = "SELECT a.seq, a.at, a.actor, a.action, a.path, a.object_ids, a.id_list, l.ids AS list_ids,"
                + " a.detail, a.prev_hash, a.hash FROM audit a LEFT JOIN audit_id_lists l ON l.digest = a.id_list"
                + where + " ORDER BY a.seq LIMIT ?";
        return db.read("listing audit records", c -> sql.list(c, select, p -> {
            for (Object value : params) {
                p.value(value);
            }
        }, AuditLog::record));
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        StoredIds ids = storedIds(rs);
        return new AuditRecord(rs.getLong("seq"), Micros.instant(rs.getLong("at")), Rows.uuid(rs, "actor"),
                rs.getString("action"), rs.getString("path"), ids.ids(), ids.digest(), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** A record's ids as read back, and the digest of the bytes they were read from (null for the text form). */
    private record StoredIds(List<String> ids, String digest) {
    }

    /**
     * The ids a record names, from the record or the shared list it names, with the digest recomputed from those
     * bytes rather than taken from the record: altered bytes, or a record pointed at another list, then no longer
     * match the record's hash. Ids altered past reading, or a list gone missing, are shown as such rather than
     * failing the listing, so that verification reports the record as changed instead of stopping.
     */
    private static StoredIds storedIds(ResultSet rs) throws SQLException {
        String list = rs.getString("id_list");
        byte[] stored = list == null ? rs.getBytes("object_ids") : rs.getBytes("list_ids");
        if (stored == null) {
            return new StoredIds(List.of(list == null ? "(object ids missing)"
                    : "(object id list " + list + " is missing)"), AuditIds.digest(new byte[0]));
        }
        String digest = AuditIds.isPacked(stored) ? AuditIds.digest(stored) : null;
        try {
            return new StoredIds(AuditIds.unpack(stored), digest);
        } catch (RuntimeException e) {
            return new StoredIds(List.of("(object ids unreadable: " + e + ")"), AuditIds.digest(stored));
        }
    }
}
