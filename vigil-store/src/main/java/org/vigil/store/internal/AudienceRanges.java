package org.vigil.store.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.vigil.stix.Tlp;
import org.vigil.store.Audience;
import org.vigil.store.ObjectQuery;

/**
 * A page for an audience that may not see the whole collection, read as one index range per part of the audience
 * (each TLP level it may read, its organisation's AMBER+STRICT rows, the RED rows it posted and those naming it)
 * merged by date_added. Each range stops after the page's rows, so a page reads about {@code limit} rows however
 * many are hidden, and its time says nothing about how many are. The ranges are what {@link AudienceSql} keeps;
 * the access layer still decides each row.
 *
 * <p>The TLP codes are written into the statement rather than bound, so that the planners can match the partial
 * indexes (objects_unmarked, objects_source, objects_poster) that hold only unmarked, AMBER+STRICT or RED rows.
 * docs/scale-out.md shows the plans.
 */
final class AudienceRanges {

    private static final int STRICT = TlpCode.of(Tlp.AMBER_STRICT);
    private static final int RED = TlpCode.of(Tlp.RED);
    /**
     * Past this many types, each level is one range filtered by type rather than one range per type, which keeps
     * a statement well inside SQLite's limit of 500 terms in a compound SELECT.
     */
    private static final int MAX_TYPE_RANGES = 16;

    private final Dialect dialect;
    private final ObjectQuery query;
    private final Audience audience;
    private final List<String> branches = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    private AudienceRanges(Dialect dialect, ObjectQuery query) {
        this.dialect = dialect;
        this.query = query;
        this.audience = query.audience();
    }

    /** Whether the audience leaves out some level, so that ranges beat one walk over the collection. */
    static boolean narrows(Audience audience) {
        return audience != null && !audience.open().containsAll(EnumSet.allOf(Tlp.class));
    }

    static SqlQuery select(Dialect dialect, String columns, ObjectQuery query) {
        AudienceRanges r = new AudienceRanges(dialect, query);
        r.levels();
        r.source();
        r.poster();
        r.recipient();
        if (r.branches.isEmpty()) {
            return new SqlQuery("SELECT " + columns + " FROM objects o WHERE FALSE", List.of());
        }
        return r.rowsOf(columns, r.merged());
    }

    /** The ranges' dates in order, cut at the page's length plus one; its parameters are {@link #params}. */
    private String merged() {
        StringBuilder merged = new StringBuilder("SELECT k FROM (");
        for (int i = 0; i < branches.size(); i++) {
            merged.append(i == 0 ? "" : " UNION ALL ").append("SELECT k FROM (").append(branches.get(i))
                    .append(") b").append(i);
        }
        params.add(query.limit() + 1);
        return merged.append(") u ORDER BY k LIMIT ?").toString();
    }

    /** The rows added at the merged dates, in date order. */
    private SqlQuery rowsOf(String columns, String merged) {
        List<Object> all = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        if (dialect == Dialect.POSTGRESQL) {
            // An array computed once: the rows are then fetched by the (collection, date_added) index whatever the
            // planner thinks of the collection's size, where a join could choose to hash the whole collection.
            sql.append(" FROM objects o WHERE o.collection_id = ? AND o.date_added = ANY(ARRAY(").append(merged)
                    .append("))");
            all.add(query.collectionId());
            all.addAll(params);
        } else {
            // CROSS JOIN fixes SQLite's join order: the page's few dates first, each then looked up. Left free, the
            // planner may walk the whole collection in date order to spare itself the sort of those few rows.
            sql.append(" FROM (").append(merged).append(") p CROSS JOIN objects o WHERE o.collection_id = ?"
                    + " AND o.date_added = p.k");
            all.addAll(params);
            all.add(query.collectionId());
        }
        sql.append(" ORDER BY o.date_added");
        return new SqlQuery(sql.toString(), all);
    }

    /** The levels read outright, and unmarked rows when the default is one; with match[type], per type. */
    private void levels() {
        boolean perType = !query.types().isEmpty() && query.types().size() <= MAX_TYPE_RANGES;
        List<String> levels = new ArrayList<>();
        audience.open().stream().map(TlpCode::of).sorted().forEach(code -> levels.add("o.tlp = " + code));
        if (audience.open().contains(audience.unmarkedAs())) {
            levels.add("o.tlp IS NULL");
        }
        for (String level : levels) {
            boolean unmarked = level.endsWith("IS NULL");
            if (!perType) {
                range(unmarked ? "objects_unmarked" : "objects_level", level, List.of(), true);
            } else {
                for (String type : query.types()) {
                    range(unmarked ? "objects_type_unmarked" : "objects_type_level", "o.type = ? AND " + level,
                            List.of(type), false);
                }
            }
        }
    }

    /** AMBER+STRICT rows from the reader's organisation, when the level is not open to them anyway. */
    private void source() {
        if (audience.sourceIdentity() == null || audience.open().contains(Tlp.AMBER_STRICT)) {
            return;
        }
        range("objects_source", "o.tlp = " + STRICT + " AND o.created_by_ref = ?", List.of(audience.sourceIdentity()),
                true);
        if (audience.unmarkedAs() == Tlp.AMBER_STRICT) {
            range("objects_source", "o.tlp IS NULL AND o.created_by_ref = ?", List.of(audience.sourceIdentity()),
                    true);
        }
    }

    /** RED rows the reader posted. */
    private void poster() {
        if (audience.poster() == null || audience.open().contains(Tlp.RED)) {
            return;
        }
        range("objects_poster", "o.tlp = " + RED + " AND o.posted_by = ?", List.of(audience.poster()), true);
        if (audience.unmarkedAs() == Tlp.RED) {
            range("objects_poster", "o.tlp IS NULL AND o.posted_by = ?", List.of(audience.poster()), true);
        }
    }

    /**
     * RED rows that name the reader as a recipient, through the recipients table; those the reader posted are
     * already in the poster's range.
     */
    private void recipient() {
        if (audience.recipient() == null || audience.open().contains(Tlp.RED)) {
            return;
        }
        StringBuilder b = new StringBuilder("SELECT r.date_added AS k FROM object_recipients r JOIN objects o"
                + " ON o.collection_id = r.collection_id AND o.date_added = r.date_added"
                + " WHERE r.collection_id = ? AND r.recipient = ? AND COALESCE(o.tlp, "
                + TlpCode.of(audience.unmarkedAs()) + ") = " + RED);
        params.add(query.collectionId());
        params.add(audience.recipient());
        if (audience.poster() != null) {
            b.append(" AND (o.posted_by IS NULL OR o.posted_by <> ?)");
            params.add(audience.poster());
        }
        SqlQuery filters = ObjectSql.filters(query, true, "r");
        b.append(filters.sql()).append(" ORDER BY r.date_added LIMIT ?");
        params.addAll(filters.params());
        params.add(query.limit() + 1);
        branches.add(b.toString());
    }

    /**
     * One range of an index whose columns after the collection are fixed by {@code condition}, in date order;
     * {@code withTypes} when the range is not already one type's.
     */
    private void range(String index, String condition, List<Object> conditionParams, boolean withTypes) {
        SqlQuery filters = ObjectSql.filters(query, withTypes, "o");
        branches.add("SELECT o.date_added AS k FROM objects o" + dialect.indexedBy(index)
                + " WHERE o.collection_id = ? AND " + condition + filters.sql() + " ORDER BY o.date_added LIMIT ?");
        params.add(query.collectionId());
        params.addAll(conditionParams);
        params.addAll(filters.params());
        params.add(query.limit() + 1);
    }
}
