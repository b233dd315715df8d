package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
            + " date_added, created_by_ref, tlp, granular, spec_newest, latest, earliest, json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_FLAGS = "UPDATE objects SET spec_newest = ?, latest = ?, earliest = ?"
            + " WHERE collection_id = ? AND object_id = ? AND version = ?";

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
        ObjectVersions versions = new ObjectVersions(dialect, collectionId, objectId);
        try (PreparedStatement ps = c.prepareStatement("SELECT version, spec_version, date_added, spec_newest,"
                + " latest, earliest FROM objects WHERE collection_id = ? AND object_id = ?")) {
            new Params(dialect, ps).uuid(collectionId).text(objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.held.add(new Held(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            new VersionFlags.Flags(rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)), null));
                }
            }
        }
        return versions;
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

    void add(IncomingObject incoming, long version, long dateAdded) {
        held.add(new Held(version, incoming.specVersion(), dateAdded, null, incoming));
    }

    /** Adds the new versions to an insert batch and the flag changes of held ones to an update batch. */
    void write(PreparedStatement insert, PreparedStatement update) throws SQLException {
        List<VersionFlags.Version> all = new ArrayList<>(held.size());
        held.forEach(h -> all.add(new VersionFlags.Version(h.version, h.specVersion)));
        Map<Long, VersionFlags.Flags> flags = VersionFlags.of(all);
        for (Held h : held) {
            VersionFlags.Flags f = flags.get(h.version);
            if (h.incoming != null) {
                bindInsert(insert, h, f);
                insert.addBatch();
            } else if (!f.equals(h.storedFlags)) {
                new Params(dialect, update).bool(f.specNewest()).bool(f.latest()).bool(f.earliest())
                        .uuid(collectionId).text(objectId).bigint(h.version);
                update.addBatch();
            }
        }
    }

    private void bindInsert(PreparedStatement insert, Held h, VersionFlags.Flags f) throws SQLException {
        IncomingObject in = h.incoming;
        new Params(dialect, insert).uuid(collectionId).text(objectId).bigint(h.version).text(in.type())
                .text(in.specVersion()).bigint(h.dateAdded).text(in.createdByRef()).smallint(in.tlp())
                .bool(in.granularMarkings()).bool(f.specNewest()).bool(f.latest()).bool(f.earliest())
                .text(in.json());
    }
}
