package org.vigil.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.stix.Tlp;
import org.vigil.store.Cursor;
import org.vigil.store.ManifestEntry;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Page;
import org.vigil.store.StoredObject;
import org.vigil.store.VersionEntry;

/** Reads pages of object versions, manifest rows and version lists for an {@link ObjectQuery}. */
final class ObjectReader {

    private final Database db;

    ObjectReader(Database db) {
        this.db = db;
    }

    Page<StoredObject> objects(ObjectQuery query) {
        return page(query, ObjectSql.OBJECT_COLUMNS, rs -> new StoredObject(query.collectionId(),
                rs.getString("object_id"), rs.getString("type"), rs.getString("spec_version"),
                Micros.formatVersion(rs.getLong("version")), Micros.format(rs.getLong("date_added")),
                rs.getString("created_by_ref"), Rows.uuid(rs, "posted_by"), tlp(rs), rs.getBoolean("granular"),
                rs.getString("json")));
    }

    Page<ManifestEntry> manifest(ObjectQuery query) {
        return page(query, ObjectSql.MANIFEST_COLUMNS, rs -> new ManifestEntry(rs.getString("object_id"),
                Micros.format(rs.getLong("date_added")), Micros.formatVersion(rs.getLong("version")),
                "application/stix+json;version=" + rs.getString("spec_version")));
    }

    Page<VersionEntry> versions(ObjectQuery query) {
        return page(query, ObjectSql.VERSION_COLUMNS, ObjectReader::versionEntry);
    }

    static VersionEntry versionEntry(ResultSet rs) throws SQLException {
        return new VersionEntry(rs.getString("object_id"), Micros.formatVersion(rs.getLong("version")),
                Micros.format(rs.getLong("date_added")));
    }

    private <T> Page<T> page(ObjectQuery query, String columns, Rows.Mapper<T> mapper) {
        SqlQuery sql = ObjectSql.select(db.dialect, columns, query, true);
        return db.read("reading collection " + query.collectionId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
                Params.bindAll(db.dialect, ps, sql.params());
                try (ResultSet rs = ps.executeQuery()) {
                    return collect(rs, query.limit(), mapper);
                }
            }
        });
    }

    private static <T> Page<T> collect(ResultSet rs, int limit, Rows.Mapper<T> mapper) throws SQLException {
        List<T> items = new ArrayList<>();
        long lastAdded = 0;
        while (rs.next()) {
            if (items.size() == limit) {
                return new Page<>(items, true, Optional.of(Cursor.afterMicros(lastAdded)));
            }
            items.add(mapper.map(rs));
            lastAdded = rs.getLong("date_added");
        }
        return new Page<>(items, false, Optional.empty());
    }

    private static Tlp tlp(ResultSet rs) throws SQLException {
        int code = rs.getInt("tlp");
        return rs.wasNull() ? null : TlpCode.level(code);
    }
}
