package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                ? "INSERT INTO search_docs (doc_id, " + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO search_docs (" + columns + ", body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " to_tsvector('simple', ?))");
             PreparedStatement text = c.prepareStatement(sqlite ? "INSERT INTO search_text (rowid, body)"
                     + " VALUES (?, ?)" : "SELECT 1");
             PreparedStatement highest = c.prepareStatement(sqlite ? "SELECT MAX(doc_id) FROM search_docs"
                     + " WHERE doc_id >= ? AND doc_id < ?" : "SELECT 1");
             PreparedStatement refs = c.prepareStatement("INSERT INTO object_refs (collection_id, object_id, ref_id,"
                     + " tlp, created_by_ref, posted_by, red_to) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            int r = 0;
            Map<Long, Long> nextKeys = new java.util.HashMap<>();
            List<String> bodies = new ArrayList<>();
            for (Entry e : entries) {
                if (e.newest() == null) {
                    continue;
                }
                StixObject o = e.newest();
                Set<String> marked = granularlyMarked(o);
                String body = body(o, marked);
                String name = marked.contains("name") ? null : o.text("name");
                long modified = Micros.parse(o.modified().or(o::created).orElse("1970-01-01T00:00:00Z"));
                long key = sqlite ? SearchKeys.next(highest, nextKeys, modified) : 0;
                Params p = new Params(dialect, docs);
                if (sqlite) {
                    p.bigint(key);
                }
                p.uuid(collectionId).text(e.objectId()).text(o.type()).text(name).bigint(modified)
                        .smallint(e.tlp()).text(e.createdByRef()).uuid(e.postedBy()).text(PlaceIndex.recipients(o));
                if (!sqlite) {
                    p.text(body);
                }
                docs.addBatch();
                if (sqlite) {
                    new Params(dialect, text).bigint(key).text(body);
                    text.addBatch();
                    bodies.add(body);
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
                    rememberTerms(c, bodies);
                }
            }
            if (r > 0) {
                refs.executeBatch();
            }
        }
    }

    /**
     * Adds the words of these entries to search_terms, the list of every word FTS5 has indexed (SQLite), so that a
     * word typed as a prefix can be searched as the words it begins: FTS5 reads those lazily, newest row first,
     * where a prefix query would first gather every row of every such word. The words are FTS5's own: the bodies
     * go through a scratch FTS5 table with the same tokenizer, whose vocabulary is then copied. Words are never
     * removed; one no row holds any more costs a lookup that finds nothing.
     */
    private static void rememberTerms(Connection c, List<String> bodies) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            // Contentless: it keeps no text, and empties in one step.
            st.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch USING fts5(body, content = '',"
                    + " tokenize = 'unicode61 remove_diacritics 2')");
            st.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_terms USING fts5vocab(temp,"
                    + " search_scratch, 'row')");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO temp.search_scratch (body) VALUES (?)")) {
            for (String body : bodies) {
                ps.setString(1, body);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.search_scratch_terms");
            st.executeUpdate("INSERT INTO temp.search_scratch (search_scratch) VALUES ('delete-all')");
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
     * On SQLite a search naming places starts from the places' references when they are fewer than this and than
     * the word matches, and otherwise from the word matches, newest first (checking the place per object): a place
     * named by many objects soon fills a page that way.
     */
    static final int PLACE_FIRST_MAX = 1_000;
    /**
     * Up to this many references, each referencing object's words are looked up by its rowid (an FTS5 query each,
     * some tenths of a millisecond); beyond, the word matches are gathered once as a set.
     */
    static final int PER_ROW_MAX = 50;
    /** A word typed as a prefix is searched as the indexed words it begins when they are at most this many. */
    static final int MAX_EXPANSION = 64;

    private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** An FTS5 query, and whether FTS5 reads it lazily (newest first, without gathering every match first). */
    private record Match(String expression, boolean lazy) {
    }

    List<SearchQuery.Hit> search(Database db, SearchQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        return db.read("searching", c -> {
            if (dialect == Dialect.POSTGRESQL) {
                return ranges(c, q);
            }
            SqlQuery statement = statement(c, q);
            List<SearchQuery.Hit> out = new ArrayList<>();
            if (statement != null) {
                read(c, statement, out);
            }
            return out;
        });
    }

    /** Candidate rows a PostgreSQL search reads newest first at most, before it asks the GIN index instead. */
    static final int SCAN_BUDGET = 2_000;
    /** The first range of candidates it reads; each next one is four times larger. */
    static final int FIRST_RANGE = 200;

    /**
     * A search on PostgreSQL: the rows that pass every filter but the words are read newest first from the btree on
     * (modified, doc_id), in ranges growing fourfold, and their tsvector tested, until the page is full; a page of
     * a common word so costs about what it shows. Words too rare to fill a page within {@link #SCAN_BUDGET}
     * candidates, at the rate the ranges read so far found them, are then found from where the ranges stopped
     * through the GIN index (which gathers every match of
     * the words, few by then, and sorts them). The planner cannot be trusted to choose between the two alone: its
     * estimate of how many rows a prefix matches is often far off.
     */
    /** The PostgreSQL text query: every word, each as a prefix. */
    private static String prefixQuery(SearchQuery q) {
        return String.join(" & ", q.words().stream().map(w -> w + ":*").toList());
    }

    /** The query's time limits on modified, if any. */
    private static void timeRange(SearchQuery q, StringBuilder sql, List<Object> params) {
        if (q.from() != null) {
            sql.append(" AND d.modified >= ?");
            params.add(Micros.of(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND d.modified <= ?");
            params.add(Micros.of(q.to()));
        }
    }

    /**
     * The statement reading one range of candidates on PostgreSQL: the next rows of the btree on (modified, doc_id)
     * within the time filter, whatever they are, each with whether it passes the other filters and the words. The
     * btree is then the only way to answer it, where filters in the WHERE clause let the planner, misjudging how
     * many rows an audience keeps, scan the table and sort it.
     */
    SqlQuery candidates(SearchQuery q) {
        List<Object> params = new ArrayList<>();
        params.add(prefixQuery(q));
        String passes = "d.body @@ to_tsquery('simple', ?)" + filters(q, false, params);
        StringBuilder sql = new StringBuilder("SELECT d.doc_id, d.collection_id, d.object_id, d.object_type, d.name,"
                + " d.modified, d.tlp, d.created_by_ref, d.posted_by, d.red_to, " + passes
                + " FROM search_docs d WHERE TRUE");
        timeRange(q, sql, params);
        if (q.after() != null) {
            sql.append(" AND (d.modified, d.doc_id) < (?, ?)");
            params.add(q.after().modifiedMicros());
            params.add(q.after().row());
        }
        sql.append(" ORDER BY d.modified DESC, d.doc_id DESC LIMIT ").append(q.limit());
        return new SqlQuery(sql.toString(), params);
    }

    /** The conditions, each starting with AND, of the collections' audiences, types, sources and places. */
    private String filters(SearchQuery q, boolean placeFirst, List<Object> params) {
        StringBuilder sql = new StringBuilder();
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
        return sql.toString();
    }

    private List<SearchQuery.Hit> ranges(Connection c, SearchQuery q) throws SQLException {
        List<SearchQuery.Hit> out = new ArrayList<>();
        SearchQuery.Position cursor = q.after();
        int scanned = 0;
        int range = FIRST_RANGE;
        while (scanned < SCAN_BUDGET) {
            SearchQuery candidates = new SearchQuery(q.words(), q.scopes(), q.types(), q.from(), q.to(), cursor,
                    range, q.places(), q.sources());
            SqlQuery statement = candidates(candidates);
            List<SearchQuery.Hit> rows = new ArrayList<>();
            List<Boolean> matched = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                Params.bindAll(dialect, ps, statement.params());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(hit(rs));
                        matched.add(rs.getBoolean(11));
                    }
                }
            }
            for (int k = 0; k < rows.size(); k++) {
                cursor = rows.get(k).position();
                if (matched.get(k)) {
                    out.add(rows.get(k));
                    if (out.size() == q.limit()) {
                        return out;
                    }
                }
            }
            if (rows.size() < range) {
                return out;
            }
            scanned += rows.size();
            // At the rate found so far, would the page fill within the budget? If not, the words are rare.
            long needed = out.isEmpty() ? Long.MAX_VALUE : (q.limit() - out.size()) * (long) scanned / out.size();
            if (needed > SCAN_BUDGET - scanned) {
                break;
            }
            range = (int) Math.min(Math.max(range * 4L, needed), SCAN_BUDGET - scanned);
        }
        List<Object> params = new ArrayList<>();
        String sql = searchSql(new SearchQuery(q.words(), q.scopes(), q.types(), q.from(), q.to(), cursor,
                q.limit() - out.size(), q.places(), q.sources()), null, false, false, params);
        read(c, new SqlQuery(sql, params), out);
        return out;
    }

    private void read(Connection c, SqlQuery statement, List<SearchQuery.Hit> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            Params.bindAll(dialect, ps, statement.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(hit(rs));
                }
            }
        }
    }

    private static SearchQuery.Hit hit(ResultSet rs) throws SQLException {
        long modified = rs.getLong(6);
        int tlp = rs.getInt(7);
        org.vigil.stix.Tlp level = rs.wasNull() ? null : TlpCode.level(tlp);
        String poster = rs.getString(9);
        String red = rs.getString(10);
        return new SearchQuery.Hit(UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), Micros.instant(modified), level, rs.getString(8),
                poster == null ? null : UUID.fromString(poster), red == null ? Set.of() : Set.of(red.split(",")),
                new SearchQuery.Position(modified, rs.getLong(1)));
    }

    /** The statement a search runs, or null when nothing can match. */
    SqlQuery statement(Connection c, SearchQuery q) throws SQLException {
        Match match = null;
        if (dialect == Dialect.SQLITE) {
            match = match(c, q);
            if (match == null) {
                return null;
            }
        }
        long refs = match != null && !q.places().isEmpty() ? references(c, q) : PLACE_FIRST_MAX;
        // Counting the word matches up to the references is cheap when FTS5 reads the words lazily.
        boolean placeFirst = refs < PLACE_FIRST_MAX && (!match.lazy() || wordMatches(c, match, refs + 1) > refs);
        List<Object> params = new ArrayList<>();
        String sql = searchSql(q, match, placeFirst, placeFirst && match.lazy() && refs <= PER_ROW_MAX,
                params);
        return new SqlQuery(sql, params);
    }

    /** How many references name the places, counted up to {@link #PLACE_FIRST_MAX}. */
    private long references(Connection c, SearchQuery q) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM object_refs WHERE ref_id"
                + AudienceSql.list(q.places().size()) + " LIMIT " + PLACE_FIRST_MAX + ")")) {
            Params.bindAll(dialect, ps, new ArrayList<>(q.places()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long wordMatches(Connection c, Match match, long max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM search_text"
                + " WHERE search_text MATCH ? LIMIT " + max + ")")) {
            ps.setString(1, match.expression());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The FTS5 query for the words, each a prefix: as the indexed words it begins (search_terms) when those are
     * few, else as FTS5's own prefix query. Null when a word begins no indexed word, so nothing can match. Words
     * with letters beyond ASCII are left to FTS5, whose tokenizer folds their diacritics as it folded the text's.
     */
    private static Match match(Connection c, SearchQuery q) throws SQLException {
        List<String> parts = new ArrayList<>();
        boolean lazy = true;
        try (PreparedStatement ps = c.prepareStatement("SELECT term FROM search_terms WHERE term >= ? AND term < ?"
                + " ORDER BY term LIMIT " + (MAX_EXPANSION + 1))) {
            for (String w : q.words()) {
                if (!w.chars().allMatch(ch -> ch < 128)) {
                    parts.add(quoted(w) + "*");
                    lazy = false;
                    continue;
                }
                ps.setString(1, w);
                ps.setString(2, w + LAST_CHARACTER);
                List<String> terms = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        terms.add(quoted(rs.getString(1)));
                    }
                }
                if (terms.isEmpty()) {
                    return null;
                }
                if (terms.size() > MAX_EXPANSION) {
                    parts.add(quoted(w) + "*");
                    lazy = false;
                } else {
                    parts.add("(" + String.join(" OR ", terms) + ")");
                }
            }
        }
        return new Match(String.join(" AND ", parts), lazy);
    }

    private static String quoted(String word) {
        return "\"" + word.replace("\"", "\"\"") + "\"";
    }

    private String searchSql(SearchQuery q, Match match, boolean placeFirst, boolean perRow, List<Object> params) {
        boolean sqlite = dialect == Dialect.SQLITE;
        // An object naming two of the places would come once per place when starting from them.
        StringBuilder sql = new StringBuilder(placeFirst ? "SELECT DISTINCT" : "SELECT").append(" d.doc_id,"
                + " d.collection_id, d.object_id, d.object_type, d.name, d.modified, d.tlp, d.created_by_ref,"
                + " d.posted_by, d.red_to FROM ");
        if (perRow) {
            // Few objects name the places: each one's words are looked up by its row (CROSS JOIN keeps this order).
            sql.append("object_refs r CROSS JOIN search_docs d CROSS JOIN search_text t WHERE r.ref_id")
                    .append(AudienceSql.list(q.places().size())).append(" AND d.collection_id = r.collection_id"
                            + " AND d.object_id = r.object_id AND t.rowid = d.doc_id AND search_text MATCH ?");
            params.addAll(q.places());
            params.add(match.expression());
        } else if (placeFirst) {
            sql.append("object_refs r JOIN search_docs d ON d.collection_id = r.collection_id"
                    + " AND d.object_id = r.object_id WHERE r.ref_id").append(AudienceSql.list(q.places().size()))
                    .append(" AND +d.doc_id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)");
            params.addAll(q.places());
            params.add(match.expression());
        } else if (sqlite) {
            // FTS5 hands its rowids newest first straight from its index: a page reads about as many rows as it
            // shows (SearchKeys), and the time filter bounds the rowids it walks.
            sql.append("search_text t JOIN search_docs d ON d.doc_id = t.rowid WHERE search_text MATCH ?");
            params.add(match.expression());
            if (q.from() != null) {
                sql.append(" AND t.rowid >= ?");
                params.add(SearchKeys.lowest(Micros.of(q.from())));
            }
            if (q.to() != null && SearchKeys.beyond(Micros.of(q.to())) != Long.MAX_VALUE) {
                sql.append(" AND t.rowid < ?");
                params.add(SearchKeys.beyond(Micros.of(q.to())));
            }
            if (q.after() != null) {
                sql.append(" AND t.rowid < ?");
                params.add(q.after().row());
            }
        } else {
            sql.append("search_docs d WHERE d.body @@ to_tsquery('simple', ?)");
            params.add(prefixQuery(q));
        }
        sql.append(filters(q, placeFirst, params));
        timeRange(q, sql, params);
        if (sqlite) {
            // On SQLite the key alone is the order: the modified millisecond, then arrival.
            if (q.after() != null && placeFirst) {
                sql.append(" AND d.doc_id < ?");
                params.add(q.after().row());
            }
            sql.append(placeFirst ? " ORDER BY d.doc_id DESC" : " ORDER BY t.rowid DESC");
        } else {
            if (q.after() != null) {
                sql.append(" AND (d.modified < ? OR (d.modified = ? AND d.doc_id < ?))");
                params.add(q.after().modifiedMicros());
                params.add(q.after().modifiedMicros());
                params.add(q.after().row());
            }
            sql.append(" ORDER BY d.modified DESC, d.doc_id DESC");
        }
        return sql.append(" LIMIT ").append(q.limit()).toString();
    }
}
