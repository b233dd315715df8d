package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.stix.StixObject;
import org.vigil.store.AddResult;
import org.vigil.store.FeedProgress;
import org.vigil.store.ObjectQuery;
import org.vigil.store.StoreException;
import org.vigil.store.VersionEntry;

/** Adds batches of objects to a collection and deletes versions, keeping date_added and the flags right. */
final class ObjectWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectWriter.class);

    private final Database db;
    private final PlaceIndex places;
    private final SearchIndex search;

    ObjectWriter(Database db) {
        this.db = db;
        this.places = new PlaceIndex(db.dialect);
        this.search = new SearchIndex(db.dialect);
    }

    List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects) {
        return add(collectionId, postedBy, objects, null, null);
    }

    /** Adds a batch and, when {@code progress} is given, writes the feed state it computes in the same transaction. */
    List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects, FeedProgress progress,
                        FeedRepo feeds) {
        return add(collectionId, postedBy, objects, progress == null ? null
                : (c, added) -> feeds.writeState(c, progress.feedId(), progress.holder(), progress.next().apply(added)));
    }

    /** What else a batch's transaction writes once its objects are in: a feed's state, a status resource. */
    interface AfterAdd {
        void write(Connection c, List<AddResult> added) throws SQLException;
    }

    /** Adds a batch and, when {@code after} is given, lets it write in the same transaction. */
    List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects, AfterAdd after) {
        List<IncomingObject> batch = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            batch.add(IncomingObject.of(collectionId, i, objects.get(i)));
        }
        List<AddResult> results = db.write("adding " + batch.size() + " objects to collection " + collectionId,
                c -> {
                    List<AddResult> added = batch.isEmpty() ? List.of()
                            : addInTransaction(c, collectionId, postedBy, batch);
                    if (after != null) {
                        after.write(c, added);
                    }
                    return added;
                });
        LOG.debug("added {} objects to collection {}", batch.size(), collectionId);
        return results;
    }

    private List<AddResult> addInTransaction(Connection c, UUID collectionId, UUID postedBy,
                                             List<IncomingObject> batch) throws SQLException {
        long last = lockCollection(c, collectionId);
        // date_added follows the clock but never repeats or goes back within a collection, even if the clock does.
        long first = Math.max(Micros.now(), last + 1);
        long next = first;
        Map<String, ObjectVersions> touched = ObjectVersions.loadAll(c, db.dialect, collectionId,
                batch.stream().map(IncomingObject::id).toList());
        List<AddResult> results = new ArrayList<>(batch.size());
        List<ScreeningQueue.Entry> persons = new ArrayList<>();
        for (IncomingObject in : batch) {
            ObjectVersions versions = touched.get(in.id());
            ObjectVersions.Found held = in.version() == null
                    ? versions.sameContent(c, in.object()) : versions.find(in.version());
            if (held != null) {
                results.add(result(in, held.version(), AddResult.Outcome.ALREADY_PRESENT, held.dateAdded()));
                continue;
            }
            long dateAdded = next++;
            long version = in.version() == null ? dateAdded : in.version();
            versions.add(in, version, dateAdded);
            results.add(result(in, version, AddResult.Outcome.STORED, dateAdded));
            if (org.vigil.store.ScreeningTask.concerns(in.object())) {
                persons.add(new ScreeningQueue.Entry(in.id(), version, dateAdded));
            }
        }
        writeVersions(c, touched.values(), postedBy);
        // Queued with the versions themselves, so a new person is screened even if the node dies right after.
        ScreeningQueue.enqueue(c, db.dialect, collectionId, persons);
        indexPlaces(c, collectionId, touched.values(), postedBy);
        if (next != first) {
            setLastAdded(c, collectionId, next - 1);
        }
        return results;
    }

    private static AddResult result(IncomingObject in, long version, AddResult.Outcome outcome, long dateAdded) {
        return new AddResult(in.id(), Micros.formatVersion(version), outcome, Micros.format(dateAdded));
    }

    List<VersionEntry> delete(ObjectQuery query) {
        if (query.ids().size() != 1) {
            throw new IllegalArgumentException("delete removes versions of one object; the query names "
                    + query.ids().size() + " ids");
        }
        String objectId = query.ids().get(0);
        return db.write("deleting versions of " + objectId + " from collection " + query.collectionId(),
                c -> deleteInTransaction(c, query, objectId));
    }

    private List<VersionEntry> deleteInTransaction(Connection c, ObjectQuery query, String objectId)
            throws SQLException {
        lockCollection(c, query.collectionId());
        SqlQuery select = ObjectSql.select(db.dialect, ObjectSql.VERSION_COLUMNS, query, false);
        List<VersionEntry> gone = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select.sql())) {
            Params.bindAll(db.dialect, ps, select.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    gone.add(ObjectReader.versionEntry(rs));
                    versions.add(rs.getLong("version"));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM objects WHERE collection_id = ? AND object_id = ? AND version = ?")) {
            for (long version : versions) {
                new Params(db.dialect, ps).uuid(query.collectionId()).text(objectId).bigint(version);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        writeVersions(c, List.of(ObjectVersions.load(c, db.dialect, query.collectionId(), objectId)), null);
        if (!gone.isEmpty()) {
            reindexFromStore(c, query.collectionId(), objectId,
                    PlaceIndex.concerns(objectId.substring(0, Math.max(0, objectId.indexOf("--")))));
        }
        return gone;
    }

    /** The place index follows each object's newest version: a new newest version replaces what it said. */
    private void indexPlaces(Connection c, UUID collectionId, Iterable<ObjectVersions> all, UUID postedBy)
            throws SQLException {
        List<PlaceIndex.Entry> entries = new ArrayList<>();
        List<SearchIndex.Entry> texts = new ArrayList<>();
        for (ObjectVersions versions : all) {
            IncomingObject newest = versions.newestIncoming();
            if (newest != null && PlaceIndex.concerns(newest.type())) {
                entries.add(new PlaceIndex.Entry(newest.id(), newest.object(), postedBy, newest.tlp(),
                        newest.createdByRef(), versions.heldBefore()));
            }
            if (newest != null) {
                texts.add(new SearchIndex.Entry(newest.id(), newest.object(), postedBy, newest.tlp(),
                        newest.createdByRef(), versions.heldBefore()));
            }
        }
        places.reindex(c, collectionId, entries);
        search.reindex(c, collectionId, texts);
    }

    /** After a delete, the index says what the newest remaining version says, or nothing. */
    private void reindexFromStore(Connection c, UUID collectionId, String objectId, boolean placeIndexed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json, posted_by, tlp, created_by_ref FROM objects"
                + " WHERE collection_id = ? AND object_id = ? AND latest = TRUE")) {
            new Params(db.dialect, ps).uuid(collectionId).text(objectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    if (placeIndexed) {
                        places.reindex(c, collectionId, List.of(new PlaceIndex.Entry(objectId, null, null, null,
                                null, true)));
                    }
                    search.reindex(c, collectionId, List.of(new SearchIndex.Entry(objectId, null, null, null, null,
                            true)));
                    return;
                }
                String poster = rs.getString(2);
                int tlp = rs.getInt(3);
                Integer level = rs.wasNull() ? null : tlp;
                org.vigil.stix.StixObject newest = org.vigil.stix.StixJson.parse(rs.getString(1));
                UUID postedBy = poster == null ? null : UUID.fromString(poster);
                if (placeIndexed) {
                    places.reindex(c, collectionId, List.of(new PlaceIndex.Entry(objectId, newest, postedBy, level,
                            rs.getString(4), true)));
                }
                search.reindex(c, collectionId, List.of(new SearchIndex.Entry(objectId, newest, postedBy, level,
                        rs.getString(4), true)));
            }
        }
    }

    /** Inserts the new versions, posted by {@code postedBy}, and moves the flags of the held ones. */
    private void writeVersions(Connection c, Iterable<ObjectVersions> all, UUID postedBy) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(ObjectVersions.INSERT);
             PreparedStatement update = c.prepareStatement(ObjectVersions.UPDATE_FLAGS)) {
            for (ObjectVersions versions : all) {
                versions.write(insert, update, postedBy);
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    /**
     * Locks the collection's row for the rest of the transaction and returns the newest date_added handed out
     * in it. On PostgreSQL the row lock serialises writers per collection; SQLite's single writer needs none.
     */
    private long lockCollection(Connection c, UUID collectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_added FROM collections WHERE id = ?" + db.dialect.forUpdate)) {
            new Params(db.dialect, ps).uuid(collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("collection " + collectionId + " does not exist");
                }
                return rs.getLong(1);
            }
        }
    }

    private void setLastAdded(Connection c, UUID collectionId, long lastAdded) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE collections SET last_added = ? WHERE id = ?")) {
            new Params(db.dialect, ps).bigint(lastAdded).uuid(collectionId);
            ps.executeUpdate();
        }
    }
}
