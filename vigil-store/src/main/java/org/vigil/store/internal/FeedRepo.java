package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vigil.stix.Tlp;
import org.vigil.store.Feed;
import org.vigil.store.FeedState;
import org.vigil.store.StoreException;

/** Federation feeds: their settings, their state, and the lease that lets one node at a time run each. */
final class FeedRepo {

    private static final String FEEDS = "SELECT id, name, direction, url, collection_id, user_id, remote_user,"
            + " remote_secret, every_seconds, ceiling, added_after, cursor, last_sync, stored, duplicates, refused,"
            + " above_ceiling, last_error FROM feeds";
    private static final String SET_STATE = "UPDATE feeds SET cursor = ?, last_sync = ?, stored = ?, duplicates = ?,"
            + " refused = ?, above_ceiling = ?, last_error = ? WHERE id = ?";

    private final Database db;
    private final Sql sql;

    FeedRepo(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    void putFeed(Feed f) {
        db.write("saving feed " + f.name(), c -> {
            Optional<UUID> other = sql.first(c, "SELECT id FROM feeds WHERE name = ? AND id <> ?",
                    p -> p.text(f.name()).uuid(f.id()), rs -> Rows.uuid(rs, "id"));
            if (other.isPresent()) {
                throw new StoreException("a feed named '" + f.name() + "' already exists");
            }
            return sql.update(c, "INSERT INTO feeds (id, name, direction, url, collection_id, user_id, remote_user,"
                    + " remote_secret, every_seconds, ceiling, added_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, direction = excluded.direction,"
                    + " url = excluded.url, collection_id = excluded.collection_id, user_id = excluded.user_id,"
                    + " remote_user = excluded.remote_user, remote_secret = excluded.remote_secret,"
                    + " every_seconds = excluded.every_seconds, ceiling = excluded.ceiling,"
                    + " added_after = excluded.added_after",
                    p -> p.uuid(f.id()).text(f.name()).text(f.direction().label()).text(f.url())
                            .uuid(f.collectionId()).uuid(f.userId()).text(f.remoteUser()).text(f.sealedSecret())
                            .bigint(f.every().toSeconds()).bigint((long) f.ceiling().ordinal()).text(f.addedAfter()));
        });
    }

    Optional<Feed> feed(String name) {
        return db.read("reading feed " + name, c -> sql.first(c, FEEDS + " WHERE name = ?", p -> p.text(name),
                FeedRepo::feed));
    }

    List<Feed> feeds() {
        return db.read("listing feeds", c -> sql.list(c, FEEDS + " ORDER BY name", p -> { }, FeedRepo::feed));
    }

    boolean removeFeed(String name) {
        return db.write("removing feed " + name, c -> sql.update(c, "DELETE FROM feeds WHERE name = ?",
                p -> p.text(name))) > 0;
    }

    /** One conditional UPDATE: the row lock (PostgreSQL) or the single writer (SQLite) makes it atomic. */
    boolean lease(UUID feedId, String holder, Instant until) {
        long now = Micros.now();
        return db.write("leasing feed " + feedId, c -> sql.update(c, "UPDATE feeds SET locked_by = ?,"
                + " locked_until = ? WHERE id = ? AND (locked_by IS NULL OR locked_until < ? OR locked_by = ?)",
                p -> p.text(holder).bigint(Micros.of(until)).uuid(feedId).bigint(now).text(holder))) > 0;
    }

    void release(UUID feedId, String holder) {
        db.write("releasing feed " + feedId, c -> sql.update(c, "UPDATE feeds SET locked_by = NULL,"
                + " locked_until = NULL WHERE id = ? AND locked_by = ?", p -> p.uuid(feedId).text(holder)));
    }

    void putState(UUID feedId, String holder, FeedState state) {
        db.write("saving the state of feed " + feedId, c -> {
            writeState(c, feedId, holder, state);
            return null;
        });
    }

    /**
     * Writes a feed's state in the caller's transaction; with a holder, only while the holder keeps the lease,
     * so that a node whose lease ran out cannot move a cursor another node now moves.
     */
    void writeState(Connection c, UUID feedId, String holder, FeedState s) throws SQLException {
        String where = holder == null ? "" : " AND locked_by = ?";
        int rows = sql.update(c, SET_STATE + where, p -> {
            p.text(s.cursor()).bigint(s.lastSync() == null ? null : Micros.of(s.lastSync())).bigint(s.stored())
                    .bigint(s.duplicates()).bigint(s.refused()).bigint(s.aboveCeiling()).text(s.lastError())
                    .uuid(feedId);
            if (holder != null) {
                p.text(holder);
            }
        });
        if (rows == 0) {
            throw new StoreException("feed " + feedId + " is gone, or " + (holder == null ? "" : holder + " no longer"
                    + " holds its lease") + "; nothing of this batch was stored");
        }
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        Long lastSync = Rows.bigint(rs, "last_sync");
        FeedState state = new FeedState(rs.getString("cursor"), lastSync == null ? null : Micros.instant(lastSync),
                rs.getLong("stored"), rs.getLong("duplicates"), rs.getLong("refused"), rs.getLong("above_ceiling"),
                rs.getString("last_error"));
        return new Feed(Rows.uuid(rs, "id"), rs.getString("name"), Feed.Direction.ofLabel(rs.getString("direction")),
                rs.getString("url"), Rows.uuid(rs, "collection_id"), Rows.uuid(rs, "user_id"),
                rs.getString("remote_user"), rs.getString("remote_secret"),
                Duration.ofSeconds(rs.getLong("every_seconds")), Tlp.values()[rs.getInt("ceiling")],
                rs.getString("added_after"), state);
    }
}
