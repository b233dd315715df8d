package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.store.ScreeningTask;

/**
 * The queue of persons waiting to be screened: filled in the transaction that stores them, claimed with a lease,
 * emptied as each is done.
 */
final class ScreeningQueue {

    private static final String INSERT = "INSERT INTO screening_queue (collection_id, object_id, version, date_added)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final Database db;
    private final Sql sql;

    ScreeningQueue(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    /** A stored version to queue, in the writer's terms. */
    record Entry(String objectId, long version, long dateAdded) {
    }

    /** Queues versions in the caller's (the writer's) transaction. */
    static void enqueue(Connection c, Dialect dialect, UUID collectionId, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Entry e : entries) {
                new Params(dialect, ps).uuid(collectionId).text(e.objectId()).bigint(e.version()).bigint(e.dateAdded());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    List<ScreeningTask> claim(String holder, Instant until, int max) {
        long now = Micros.now();
        // SQLite's write transaction holds the only write lock, so nobody can claim the same rows between the
        // SELECT and the UPDATE; PostgreSQL's claimers lock the rows they pick and skip those others picked.
        String skipLocked = db.dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return db.write("claiming screening work for " + holder, c -> {
            List<ScreeningTask> tasks = sql.list(c, "SELECT collection_id, object_id, version, date_added"
                    + " FROM screening_queue WHERE leased_until IS NULL OR leased_until < ? ORDER BY date_added"
                    + " LIMIT ?" + skipLocked, p -> p.bigint(now).bigint((long) max),
                    rs -> new ScreeningTask(Rows.uuid(rs, "collection_id"), rs.getString("object_id"),
                            Micros.formatVersion(rs.getLong("version")), Micros.format(rs.getLong("date_added"))));
            try (PreparedStatement ps = c.prepareStatement("UPDATE screening_queue SET leased_by = ?,"
                    + " leased_until = ? WHERE collection_id = ? AND object_id = ? AND version = ?")) {
                for (ScreeningTask t : tasks) {
                    new Params(db.dialect, ps).text(holder).bigint(Micros.of(until)).uuid(t.collectionId())
                            .text(t.objectId()).bigint(Micros.parse(t.version()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return tasks;
        });
    }

    void finish(ScreeningTask t) {
        db.write("finishing the screening of " + t.objectId(), c -> sql.update(c, "DELETE FROM screening_queue"
                + " WHERE collection_id = ? AND object_id = ? AND version = ?",
                p -> p.uuid(t.collectionId()).text(t.objectId()).bigint(Micros.parse(t.version()))));
    }

    int backlog() {
        return db.read("counting screening work", c -> sql.first(c, "SELECT COUNT(*) FROM screening_queue",
                p -> { }, rs -> rs.getInt(1))).orElse(0);
    }
}
