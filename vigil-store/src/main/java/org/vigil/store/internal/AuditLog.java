package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.store.AuditEvent;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;

/** The append-only, hash-chained audit log: appends and listings, nothing else. */
final class AuditLog {

    private final Database db;
    private final Sql sql;

    AuditLog(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    /** The tail of the chain: the last record's number, time and hash, as the head row keeps them. */
    private record Tail(long seq, long at, String hash) {
    }

    AuditRecord append(AuditEvent event, boolean flush) {
        return db.write("appending an audit record (" + event.action() + ")", flush, c -> {
            db.dialect.lockAudit(c);
            Tail tail = tail(c);
            // Times never go back along the chain, so "since" listings agree with sequence order.
            long micros = Math.max(Micros.now(), tail.at());
            Instant at = Micros.instant(micros);
            AuditRecord unsigned = new AuditRecord(tail.seq() + 1, at, event.actor(), event.action(), event.path(),
                    event.objectIds(), event.detail(), tail.hash(), null);
            AuditRecord record = new AuditRecord(unsigned.seq(), at, event.actor(), event.action(), event.path(),
                    unsigned.objectIds(), event.detail(), tail.hash(), unsigned.computeHash());
            insert(c, record);
            sql.update(c, "UPDATE audit_head SET seq = ?, at = ?, hash = ? WHERE id = 1",
                    p -> p.bigint(record.seq()).bigint(micros).text(record.hash()));
            return record;
        });
    }

    private Tail tail(Connection c) throws SQLException {
        return sql.first(c, "SELECT seq, at, hash FROM audit_head WHERE id = 1", p -> { },
                rs -> new Tail(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .orElseThrow(() -> new SQLException("the audit log's head row is missing; the store's schema is damaged"));
    }

    private void insert(Connection c, AuditRecord r) throws SQLException {
        sql.update(c, "INSERT INTO audit (seq, at, actor, action, path, object_ids, detail, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> p.bigint(r.seq()).bigint(Micros.of(r.at())).uuid(r.actor()).text(r.action()).text(r.path())
                        .bytes(AuditIds.pack(r.objectIds())).text(r.detail()).text(r.prevHash()).text(r.hash()));
    }

    AuditHead head() {
        return db.read("reading the audit log's head", c -> sql.first(c, "SELECT seq, hash FROM audit_head WHERE id = 1",
                p -> { }, rs -> new AuditHead(rs.getLong(1), rs.getString(2)))
                .orElse(new AuditHead(0, AuditRecord.GENESIS)));
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
        StringBuilder where = new StringBuilder(" WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(afterSeq);
        if (q.actor() != null) {
            where.append(" AND actor = ?");
            params.add(q.actor());
        }
        if (q.since() != null) {
            where.append(" AND at >= ?");
            params.add(Micros.of(q.since()));
        }
        if (q.objectId() != null) {
            // A byte search over the records: listing by object is an occasional administrative query, and one
            // row per request keeps the far more frequent appends cheap.
            List<String> any = new ArrayList<>();
            for (byte[] needle : AuditIds.needles(q.objectId())) {
                any.add(db.dialect.contains("object_ids"));
                params.add(needle);
            }
            where.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        params.add(q.limit());
        String select = "SELECT seq, at, actor, action, path, object_ids, detail, prev_hash, hash FROM audit"
                + where + " ORDER BY seq LIMIT ?";
        return db.read("listing audit records", c -> sql.list(c, select, p -> {
            for (Object value : params) {
                p.value(value);
            }
        }, AuditLog::record));
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), Micros.instant(rs.getLong("at")), Rows.uuid(rs, "actor"),
                rs.getString("action"), rs.getString("path"), objectIds(rs.getBytes("object_ids")),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /**
     * The ids a record names. Ids altered past reading are shown as such rather than failing the listing, so that
     * verification reports the record as changed (its hash no longer matches) instead of stopping.
     */
    private static List<String> objectIds(byte[] stored) {
        try {
            return AuditIds.unpack(stored == null ? new byte[0] : stored);
        } catch (RuntimeException e) {
            return List.of("(object ids unreadable: " + e + ")");
        }
    }
}
