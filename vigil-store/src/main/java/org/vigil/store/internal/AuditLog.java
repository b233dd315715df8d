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

    /** The tail of the chain: the last record's number, time and hash. */
    private record Tail(long seq, long at, String hash) {
        static final Tail EMPTY = new Tail(0, Long.MIN_VALUE, AuditRecord.GENESIS);
    }

    AuditRecord append(AuditEvent event, boolean flush) {
        return db.write("appending an audit record (" + event.action() + ")", flush, c -> {
            db.dialect.lockAudit(c);
            Tail tail = tail(c);
            // Times never go back along the chain, so "since" listings agree with sequence order.
            Instant at = Micros.instant(Math.max(Micros.now(), tail.at()));
            AuditRecord unsigned = new AuditRecord(tail.seq() + 1, at, event.actor(), event.action(), event.path(),
                    event.objectIds(), event.detail(), tail.hash(), null);
            AuditRecord record = new AuditRecord(unsigned.seq(), at, event.actor(), event.action(), event.path(),
                    event.objectIds(), event.detail(), tail.hash(), unsigned.computeHash());
            insert(c, record);
            sql.update(c, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1",
                    p -> p.bigint(record.seq()).text(record.hash()));
            return record;
        });
    }

    private Tail tail(Connection c) throws SQLException {
        Optional<Tail> last = sql.first(c, "SELECT seq, at, hash FROM audit ORDER BY seq DESC LIMIT 1", p -> { },
                rs -> new Tail(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        return last.orElse(Tail.EMPTY);
    }

    private void insert(Connection c, AuditRecord r) throws SQLException {
        sql.update(c, "INSERT INTO audit (seq, at, actor, action, path, object_ids, detail, prev_hash, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> p.bigint(r.seq()).bigint(Micros.of(r.at())).uuid(r.actor()).text(r.action()).text(r.path())
                        .text(AuditIds.encode(r.objectIds())).text(r.detail()).text(r.prevHash()).text(r.hash()));
    }

    AuditHead head() {
        return db.read("reading the audit log's head", c -> sql.first(c, "SELECT seq, hash FROM audit_head WHERE id = 1",
                p -> { }, rs -> new AuditHead(rs.getLong(1), rs.getString(2)))
                .orElse(new AuditHead(0, AuditRecord.GENESIS)));
    }

    List<AuditRecord> list(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(q.afterSeq());
        if (q.actor() != null) {
            where.append(" AND actor = ?");
            params.add(q.actor());
        }
        if (q.since() != null) {
            where.append(" AND at >= ?");
            params.add(Micros.of(q.since()));
        }
        if (q.objectId() != null) {
            // A substring test on the compact list: listing by object is an occasional administrative query,
            // and one row per request keeps the far more frequent appends cheap.
            where.append(" AND ").append(db.dialect.position).append("(object_ids, ?) > 0");
            params.add(AuditIds.needle(q.objectId()));
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
                rs.getString("action"), rs.getString("path"), AuditIds.decode(rs.getString("object_ids")),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
