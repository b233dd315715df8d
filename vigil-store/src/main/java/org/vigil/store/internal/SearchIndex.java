package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vigil.stix.StixObject;
import org.vigil.store.PlaceQuery;
import org.vigil.store.SearchQuery;

/**
 * Full-text search over the newest version of every object (SQLite FTS5; PostgreSQL tsvector), kept in the
 * transaction that stores or deletes the objects, as the place index is. Read by audience; the access layer
 * decides each row.
 */
final class SearchIndex {

    /** Properties that say nothing a person would search for. */
    private static final Set<String> SKIPPED = Set.of("id", "type", "spec_version", "created", "modified",
            "object_marking_refs", "granular_markings", "created_by_ref", "extensions", "revoked", "confidence",
            "lang", "external_references");
    private static final Pattern STIX_ID = Pattern.compile("[a-z0-9-]+--[0-9a-fA-F-]{36}");
    private static final int MAX_BODY = 100_000;

    private final Dialect dialect;

    SearchIndex(Dialect dialect) {
        this.dialect = dialect;
    }

    /** What the index should hold for one object: its newest version, or nothing. */
    record Entry(String objectId, StixObject newest, UUID postedBy, Integer tlp, String createdByRef,
                 boolean wasIndexed) {
    }

    void reindex(Connection c, UUID collectionId, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        boolean sqlite = dialect == Dialect.SQLITE;
        if (entries.stream().anyMatch(Entry::wasIndexed)) {
            try (PreparedStatement text = c.prepareStatement(sqlite ? "DELETE FROM search_text WHERE rowid IN"
                    + " (SELECT doc_id FROM search_docs WHERE collection_id = ? AND object_id = ?)" : "SELECT 1");
                 PreparedStatement docs = c.prepareStatement(
                         "DELETE FROM search_docs WHERE collection_id = ? AND object_id = ?");
             PreparedStatement refs = c.prepareStatement(
                         "DELETE FROM object_refs WHERE collection_id = ? AND object_id = ?")) {
                for (Entry e : entries) {
                    if (e.wasIndexed()) {
                        if (sqlite) {
                            new Params(dialect, text).uuid(collectionId).text(e.objectId());
                            text.addBatch();
                        }
                        new Params(dialect, docs).uuid(collectionId).text(e.objectId());
                        docs.addBatch();
                        new Params(dialect, refs).uuid(collectionId).text(e.objectId());
                        refs.addBatch();
                    }
                }
                refs.executeBatch();
                if (sqlite) {
                    text.executeBatch();
                }
                docs.executeBatch();
            }
        }
        String columns = "collection_id, object_id, object_type, name, modified, tlp, created_by_ref, posted_by,"
                + " red_to";
        try (PreparedStatement docs = c.prepareStatement(sqlite
                ? "INSERT INTO search_docs (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO search_docs (" + columns + ", body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " to_tsvector('simple', ?))");
             PreparedStatement text = c.prepareStatement(sqlite ? "INSERT INTO search_text (rowid, body)"
                     + " SELECT doc_id, ? FROM search_docs WHERE collection_id = ? AND object_id = ?" : "SELECT 1");
             PreparedStatement refs = c.prepareStatement("INSERT INTO object_refs (collection_id, object_id, ref_id,"
                     + " tlp, created_by_ref, posted_by, red_to) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            int r = 0;
            for (Entry e : entries) {
                if (e.newest() == null) {
                    continue;
                }
                StixObject o = e.newest();
                Set<String> marked = granularlyMarked(o);
                String body = body(o, marked);
                String name = marked.contains("name") ? null : o.text("name");
                Params p = new Params(dialect, docs).uuid(collectionId).text(e.objectId()).text(o.type())
                        .text(name).bigint(Micros.parse(o.modified().or(o::created)
                                .orElse("1970-01-01T00:00:00Z")))
                        .smallint(e.tlp()).text(e.createdByRef()).uuid(e.postedBy()).text(PlaceIndex.recipients(o));
                if (!sqlite) {
                    p.text(body);
                }
                docs.addBatch();
                if (sqlite) {
                    new Params(dialect, text).text(body).uuid(collectionId).text(e.objectId());
                    text.addBatch();
                }
                n++;
                for (String ref : references(o, marked)) {
                    new Params(dialect, refs).uuid(collectionId).text(e.objectId()).text(ref).smallint(e.tlp())
                            .text(e.createdByRef()).uuid(e.postedBy()).text(PlaceIndex.recipients(o));
                    refs.addBatch();
                    r++;
                }
            }
            if (n > 0) {
                docs.executeBatch();
                if (sqlite) {
                    text.executeBatch();
                }
            }
            if (r > 0) {
                refs.executeBatch();
            }
        }
    }

    /**
     * The searchable text of an object: every string it holds but ids, references and bookkeeping, and but the
     * properties a granular marking covers, since a reader who may not see them must not find the object by them.
     */
    static String body(StixObject o, Set<String> marked) {
        StringBuilder b = new StringBuilder();
        o.forEachString(p -> !SKIPPED.contains(p) && !p.endsWith("_ref") && !p.endsWith("_refs")
                && !marked.contains(p), s -> collect(s, b));
        return b.length() > MAX_BODY ? b.substring(0, MAX_BODY) : b.toString();
    }

    /** The ids an object references, markings, its creator and granularly marked properties aside. */
    static Set<String> references(StixObject o, Set<String> marked) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String prop : o.propertyNames()) {
            if (prop.equals("object_marking_refs") || prop.equals("created_by_ref") || marked.contains(prop)) {
                continue;
            }
            if (prop.endsWith("_ref") && o.text(prop) != null && !o.text(prop).equals(o.id())) {
                out.add(o.text(prop));
            } else if (prop.endsWith("_refs")) {
                o.texts(prop).stream().filter(ref -> !ref.equals(o.id())).forEach(out::add);
            }
        }
        return out;
    }

    /** Rows of the objects that reference {@code refId}, narrowed to each scope's audience. */
    List<SearchQuery.Hit> referencing(Database db, List<PlaceQuery.Scope> scopes, String refId, int limit) {
        if (scopes.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(refId);
        List<String> terms = new ArrayList<>();
        for (PlaceQuery.Scope s : scopes) {
            params.add(s.collectionId());
            terms.add("(r.collection_id = ? AND " + AudienceSql.condition("r", "r.red_to", s.audience(), params) + ")");
        }
        String sql = "SELECT r.collection_id, r.object_id, r.tlp, r.created_by_ref, r.posted_by, r.red_to"
                + " FROM object_refs r WHERE r.ref_id = ? AND (" + String.join(" OR ", terms) + ")"
                + " ORDER BY r.object_id LIMIT " + limit;
        return db.read("reading references", c -> {
            List<SearchQuery.Hit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params.bindAll(dialect, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int tlp = rs.getInt(3);
                        org.vigil.stix.Tlp level = rs.wasNull() ? null : TlpCode.level(tlp);
                        String id = rs.getString(2);
                        String poster = rs.getString(5);
                        String red = rs.getString(6);
                        out.add(new SearchQuery.Hit(UUID.fromString(rs.getString(1)), id,
                                id.substring(0, Math.max(0, id.indexOf("--"))), null, null, level, rs.getString(4),
                                poster == null ? null : UUID.fromString(poster),
                                red == null ? Set.of() : Set.of(red.split(",")), null));
                    }
                }
            }
            return out;
        });
    }

    /** The top-level properties that granular markings select. */
    static Set<String> granularlyMarked(StixObject o) {
        Set<String> out = new java.util.HashSet<>();
        o.property("granular_markings").ifPresent(list -> list.forEach(g -> g.path("selectors").forEach(sel -> {
            String path = sel.asText("");
            int dot = path.indexOf('.');
            out.add(dot < 0 ? path : path.substring(0, dot));
        })));
        return out;
    }

    private static void collect(String s, StringBuilder b) {
        if (b.length() <= MAX_BODY && (s.indexOf("--") < 0 || !STIX_ID.matcher(s).matches())) {
            b.append(s).append('\n');
        }
    }

    /**
     * On SQLite a search naming places starts from whichever side is smaller: the places' references (then keeping
     * those among the word matches) or the word matches (then checking the place per object). Both are counted
     * only up to the other's size, and references only up to this, so choosing stays cheaper than either plan.
     */
    static final int PLACE_FIRST_MAX = 200_000;

    List<SearchQuery.Hit> search(Database db, SearchQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        return db.read("searching", c -> {
            boolean placeFirst = dialect == Dialect.SQLITE && !q.places().isEmpty() && placesFewerThanWords(c, q);
            List<Object> params = new ArrayList<>();
            String sql = searchSql(q, placeFirst, params);
            List<SearchQuery.Hit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params.bindAll(dialect, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long modified = rs.getLong(6);
                        int tlp = rs.getInt(7);
                        org.vigil.stix.Tlp level = rs.wasNull() ? null : TlpCode.level(tlp);
                        String poster = rs.getString(9);
                        String red = rs.getString(10);
                        out.add(new SearchQuery.Hit(UUID.fromString(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), Micros.instant(modified), level,
                                rs.getString(8), poster == null ? null : UUID.fromString(poster),
                                red == null ? Set.of() : Set.of(red.split(",")),
                                new SearchQuery.Position(modified, rs.getLong(1))));
                    }
                }
            }
            return out;
        });
    }

    private boolean placesFewerThanWords(Connection c, SearchQuery q) throws SQLException {
        long refs;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM object_refs WHERE ref_id"
                + AudienceSql.list(q.places().size()) + " LIMIT " + PLACE_FIRST_MAX + ")")) {
            Params.bindAll(dialect, ps, new ArrayList<>(q.places()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                refs = rs.getLong(1);
            }
        }
        if (refs >= PLACE_FIRST_MAX) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM search_text"
                + " WHERE search_text MATCH ? LIMIT " + (refs + 1) + ")")) {
            Params.bindAll(dialect, ps, new ArrayList<>(List.of(match(q))));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > refs;
            }
        }
    }

    private static String match(SearchQuery q) {
        return String.join(" ", q.words().stream().map(w -> "\"" + w + "\"*").toList());
    }

    private String searchSql(SearchQuery q, boolean placeFirst, List<Object> params) {
        boolean sqlite = dialect == Dialect.SQLITE;
        // An object naming two of the places would come once per place when starting from them.
        StringBuilder sql = new StringBuilder(placeFirst ? "SELECT DISTINCT" : "SELECT").append(" d.doc_id,"
                + " d.collection_id, d.object_id, d.object_type, d.name, d.modified, d.tlp, d.created_by_ref,"
                + " d.posted_by, d.red_to FROM ");
        String match = match(q);
        if (placeFirst) {
            sql.append("object_refs r JOIN search_docs d ON d.collection_id = r.collection_id"
                    + " AND d.object_id = r.object_id WHERE r.ref_id").append(AudienceSql.list(q.places().size()))
                    .append(" AND +d.doc_id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)");
            params.addAll(q.places());
            params.add(match);
        } else if (sqlite) {
            sql.append("search_text t JOIN search_docs d ON d.doc_id = t.rowid WHERE search_text MATCH ?");
            params.add(match);
        } else {
            sql.append("search_docs d WHERE d.body @@ to_tsquery('simple', ?)");
            params.add(String.join(" & ", q.words().stream().map(w -> w + ":*").toList()));
        }
        List<String> terms = new ArrayList<>();
        for (PlaceQuery.Scope s : q.scopes()) {
            params.add(s.collectionId());
            terms.add("(d.collection_id = ? AND " + AudienceSql.condition("d", "d.red_to", s.audience(), params) + ")");
        }
        sql.append(" AND (").append(String.join(" OR ", terms)).append(')');
        if (!q.types().isEmpty()) {
            sql.append(" AND d.object_type").append(AudienceSql.list(q.types().size()));
            params.addAll(q.types());
        }
        if (!q.sources().isEmpty()) {
            sql.append(" AND d.created_by_ref").append(AudienceSql.list(q.sources().size()));
            params.addAll(q.sources());
        }
        if (!q.places().isEmpty() && !placeFirst) {
            // The object's own references, read from its own row's visibility: nothing another object says about
            // the place (a relationship the reader may not see, say) decides whether it matches.
            sql.append(" AND EXISTS (SELECT 1 FROM object_refs r WHERE r.collection_id = d.collection_id"
                    + " AND r.object_id = d.object_id AND r.ref_id").append(AudienceSql.list(q.places().size()))
                    .append(')');
            params.addAll(q.places());
        }
        if (q.from() != null) {
            sql.append(" AND d.modified >= ?");
            params.add(Micros.of(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND d.modified <= ?");
            params.add(Micros.of(q.to()));
        }
        if (q.after() != null) {
            sql.append(" AND (d.modified < ? OR (d.modified = ? AND d.doc_id < ?))");
            params.add(q.after().modifiedMicros());
            params.add(q.after().modifiedMicros());
            params.add(q.after().row());
        }
        sql.append(" ORDER BY d.modified DESC, d.doc_id DESC LIMIT ").append(q.limit());
        return sql.toString();
    }
}
