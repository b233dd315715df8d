package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.StoreException;

/** API roots and collections. */
final class CollectionRepo {

    private static final String COLLECTION_COLUMNS =
            "SELECT id, api_root, title, description, alias, media_types, is_public, default_tlp FROM collections";

    private final Database db;
    private final Sql sql;

    CollectionRepo(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    void putApiRoot(ApiRoot root) {
        db.write("saving API root " + root.name(), c -> sql.update(c,
                "INSERT INTO api_roots (name, title, description, max_content_length) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET title = excluded.title,"
                        + " description = excluded.description, max_content_length = excluded.max_content_length",
                p -> p.text(root.name()).text(root.title()).text(root.description()).bigint(root.maxContentLength())));
    }

    Optional<ApiRoot> apiRoot(String name) {
        return db.read("reading API root " + name, c -> sql.first(c,
                "SELECT name, title, description, max_content_length FROM api_roots WHERE name = ?",
                p -> p.text(name), CollectionRepo::apiRoot));
    }

    List<ApiRoot> apiRoots() {
        return db.read("listing API roots", c -> sql.list(c,
                "SELECT name, title, description, max_content_length FROM api_roots ORDER BY name",
                p -> { }, CollectionRepo::apiRoot));
    }

    void putCollection(Collection col) {
        db.write("saving collection " + col.id(), c -> {
            checkApiRoot(c, col);
            checkAlias(c, col);
            return sql.update(c, "INSERT INTO collections (id, api_root, title, description, alias, media_types,"
                    + " is_public, default_tlp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET api_root = excluded.api_root, title = excluded.title,"
                    + " description = excluded.description, alias = excluded.alias,"
                    + " media_types = excluded.media_types, is_public = excluded.is_public,"
                    + " default_tlp = excluded.default_tlp",
                    p -> p.uuid(col.id()).text(col.apiRoot()).text(col.title()).text(col.description())
                            .text(col.alias()).text(String.join(",", col.mediaTypes())).bool(col.isPublic())
                            .smallint(TlpCode.of(col.defaultMarking())));
        });
    }

    private void checkApiRoot(Connection c, Collection col) throws SQLException {
        if (sql.first(c, "SELECT name FROM api_roots WHERE name = ?", p -> p.text(col.apiRoot()),
                rs -> rs.getString(1)).isEmpty()) {
            throw new StoreException("collection " + col.id() + " names API root '" + col.apiRoot()
                    + "', which does not exist; create the API root first");
        }
    }

    private void checkAlias(Connection c, Collection col) throws SQLException {
        if (col.alias() == null) {
            return;
        }
        Optional<UUID> other = sql.first(c, "SELECT id FROM collections WHERE api_root = ? AND alias = ? AND id <> ?",
                p -> p.text(col.apiRoot()).text(col.alias()).uuid(col.id()), rs -> Rows.uuid(rs, "id"));
        if (other.isPresent()) {
            throw new StoreException("alias '" + col.alias() + "' of collection " + col.id()
                    + " is already used by collection " + other.get() + " in API root '" + col.apiRoot() + "'");
        }
    }

    Optional<Collection> collection(UUID id) {
        return db.read("reading collection " + id, c -> sql.first(c, COLLECTION_COLUMNS + " WHERE id = ?",
                p -> p.uuid(id), CollectionRepo::collection));
    }

    Optional<Collection> collectionByAlias(String apiRoot, String alias) {
        return db.read("reading collection '" + alias + "' of API root '" + apiRoot + "'", c -> sql.first(c,
                COLLECTION_COLUMNS + " WHERE api_root = ? AND alias = ?", p -> p.text(apiRoot).text(alias),
                CollectionRepo::collection));
    }

    List<Collection> collections(String apiRoot) {
        return db.read("listing the collections of API root '" + apiRoot + "'", c -> sql.list(c,
                COLLECTION_COLUMNS + " WHERE api_root = ? ORDER BY title, id", p -> p.text(apiRoot),
                CollectionRepo::collection));
    }

    /** Each collection's newest date_added, in microseconds; one small query, for "is anything new?" polls. */
    java.util.Map<UUID, org.vigil.store.Cursor> lastAdded(String apiRoot) {
        java.util.Map<UUID, org.vigil.store.Cursor> out = new java.util.HashMap<>();
        db.read("reading what is newest in the collections of API root '" + apiRoot + "'", c -> sql.list(c,
                "SELECT id, last_added FROM collections WHERE api_root = ?", p -> p.text(apiRoot),
                rs -> out.put(Rows.uuid(rs, "id"), org.vigil.store.Cursor.afterMicros(rs.getLong("last_added")))));
        return out;
    }

    private static ApiRoot apiRoot(ResultSet rs) throws SQLException {
        return new ApiRoot(rs.getString("name"), rs.getString("title"), rs.getString("description"),
                rs.getLong("max_content_length"));
    }

    private static Collection collection(ResultSet rs) throws SQLException {
        String types = rs.getString("media_types");
        return new Collection(Rows.uuid(rs, "id"), rs.getString("api_root"), rs.getString("title"),
                rs.getString("description"), rs.getString("alias"),
                types.isEmpty() ? List.of() : Arrays.asList(types.split(",")), rs.getBoolean("is_public"),
                TlpCode.level(rs.getInt("default_tlp")));
    }
}
