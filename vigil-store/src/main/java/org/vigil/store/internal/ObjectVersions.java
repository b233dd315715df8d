package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * The versions one collection holds of one object, loaded inside a write transaction, with the versions the
 * transaction adds; it writes the new rows and moves the spec_newest / latest / earliest flags to match.
 */
final class ObjectVersions {

    static final String INSERT = "INSERT INTO objects (collection_id, object_id, version, type, spec_version,"
            + " date_added, created_by_ref, posted_by, tlp, granular, spec_newest, latest, earliest, json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_FLAGS = "UPDATE objects SET spec_newest = ?, latest = ?, earliest = ?"
            + " WHERE collection_id = ? AND object_id = ? AND version = ?";

    /** How many ids one lookup names; well under both databases' limits on bound parameters. */
    private static final int LOOKUP_CHUNK = 500;

    private final Dialect dialect;
    private final UUID collectionId;
    private final String objectId;
    private final List<Held> held = new ArrayList<>();
    private boolean jsonLoaded;

    /** One version, as stored (with its stored flags) or about to be inserted (with its incoming object). */
    private static final class Held {
        final long version;
        final String specVersion;
        final long dateAdded;
        final VersionFlags.Flags storedFlags;
        final IncomingObject incoming;
        String json;

        Held(long version, String specVersion, long dateAdded, VersionFlags.Flags storedFlags,
             IncomingObject incoming) {
            this.version = version;
            this.specVersion = specVersion;
            this.dateAdded = dateAdded;
            this.storedFlags = storedFlags;
            this.incoming = incoming;
            this.json = incoming == null ? null : incoming.json();
        }
    }

    private ObjectVersions(Dialect dialect, UUID collectionId, String objectId) {
        this.dialect = dialect;
        this.collectionId = collectionId;
        this.objectId = objectId;
    }

    static ObjectVersions load(Connection c, Dialect dialect, UUID collectionId, String objectId)
            throws SQLException {
        return loadAll(c, dialect, collectionId, List.of(objectId)).get(objectId);
    }

    /** The versions the collection holds of each of these objects, looked up a few hundred ids at a time. */
    static Map<String, ObjectVersions> loadAll(Connection c, Dialect dialect, UUID collectionId,
                                              List<String> objectIds) throws SQLException {
        Map<String, ObjectVersions> all = new LinkedHashMap<>();
        for (String id : objectIds) {
            all.putIfAbsent(id, new ObjectVersions(dialect, collectionId, id));
        }
        List<String> distinct = new ArrayList<>(all.keySet());
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            SqlQuery lookup = lookup(dialect, collectionId,
                    distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK)));
            try (PreparedStatement ps = c.prepareStatement(lookup.sql())) {
                Params.bindAll(dialect, ps, lookup.params());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        all.get(rs.getString(1)).held.add(new Held(rs.getLong(2), rs.getString(3), rs.getLong(4),
                                new VersionFlags.Flags(rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)), null));
                    }
                }
            }
        }
        return all;
    }

    /**
     * The stored versions of some objects. SQLite probes the primary key for each id of an IN list. PostgreSQL
     * could choose to scan the whole collection for a long IN list when its statistics are stale, as they are
     * while a new database fills up; a lateral subquery per id (kept a subquery by OFFSET 0) makes every id a
     * primary-key probe whatever the statistics say.
     */
    static SqlQuery lookup(Dialect dialect, UUID collectionId, List<String> ids) {
        String columns = "o.object_id, o.version, o.spec_version, o.date_added, o.spec_newest, o.latest, o.earliest";
        List<Object> params = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            params.addAll(ids);
            params.add(collectionId);
            return new SqlQuery("SELECT " + columns + " FROM (VALUES " + "(?), ".repeat(ids.size() - 1) + "(?))"
                    + " AS k(id) CROSS JOIN LATERAL (SELECT * FROM objects WHERE collection_id = ?"
                    + " AND object_id = k.id OFFSET 0) o", params);
        }
        params.add(collectionId);
        params.addAll(ids);
        return new SqlQuery("SELECT " + columns + " FROM objects o WHERE o.collection_id = ? AND o.object_id IN ("
                + "?, ".repeat(ids.size() - 1) + "?)", params);
    }

    /** A version already held: its version and date_added, in microseconds. */
    record Found(long version, long dateAdded) {
    }

    /** The version held at exactly this version, or null. */
    Found find(long version) {
        for (Held h : held) {
            if (h.version == version) {
                return new Found(h.version, h.dateAdded);
            }
        }
        return null;
    }

    /**
     * A held version with the same content as a version-less object, or null. Such an object's version is its
     * date_added, so only its content tells a re-post from a new version.
     */
    Found sameContent(Connection c, StixObject object) throws SQLException {
        loadJson(c);
        for (Held h : held) {
            if (StixJson.parse(h.json).equals(object)) {
                return new Found(h.version, h.dateAdded);
            }
        }
        return null;
    }

    private void loadJson(Connection c) throws SQLException {
        if (jsonLoaded) {
            return;
        }
        jsonLoaded = true;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, json FROM objects WHERE collection_id = ? AND object_id = ?")) {
            new Params(dialect, ps).uuid(collectionId).text(objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong(1);
                    String json = rs.getString(2);
                    held.stream().filter(h -> h.version == version).forEach(h -> h.json = json);
                }
            }
        }
    }

    /** Whether the collection held a version of this object before this batch. */
    boolean heldBefore() {
        return held.stream().anyMatch(h -> h.incoming == null);
    }

    /** The incoming object that became this object's newest version, or null when a held version stays newest. */
    IncomingObject newestIncoming() {
        List<VersionFlags.Version> all = new ArrayList<>(held.size());
        held.forEach(h -> all.add(new VersionFlags.Version(h.version, h.specVersion)));
        Map<Long, VersionFlags.Flags> flags = VersionFlags.of(all);
        for (Held h : held) {
            if (h.incoming != null && flags.get(h.version).latest()) {
                return h.incoming;
            }
        }
        return null;
    }

    void add(IncomingObject incoming, long version, long dateAdded) {
        held.add(new Held(version, incoming.specVersion(), dateAdded, null, incoming));
    }

    /** Adds the new versions to an insert batch and the flag changes of held ones to an update batch. */
    void write(PreparedStatement insert, PreparedStatement update, UUID postedBy) throws SQLException {
        List<VersionFlags.Version> all = new ArrayList<>(held.size());
        held.forEach(h -> all.add(new VersionFlags.Version(h.version, h.specVersion)));
        Map<Long, VersionFlags.Flags> flags = VersionFlags.of(all);
        for (Held h : held) {
            VersionFlags.Flags f = flags.get(h.version);
            if (h.incoming != null) {
                bindInsert(insert, h, f, postedBy);
                insert.addBatch();
            } else if (!f.equals(h.storedFlags)) {
                new Params(dialect, update).bool(f.specNewest()).bool(f.latest()).bool(f.earliest())
                        .uuid(collectionId).text(objectId).bigint(h.version);
                update.addBatch();
            }
        }
    }

    private void bindInsert(PreparedStatement insert, Held h, VersionFlags.Flags f, UUID postedBy)
            throws SQLException {
        IncomingObject in = h.incoming;
        new Params(dialect, insert).uuid(collectionId).text(objectId).bigint(h.version).text(in.type())
                .text(in.specVersion()).bigint(h.dateAdded).text(in.createdByRef()).uuid(postedBy).smallint(in.tlp())
                .bool(in.granularMarkings()).bool(f.specNewest()).bool(f.latest()).bool(f.earliest())
                .text(in.json());
    }
}
