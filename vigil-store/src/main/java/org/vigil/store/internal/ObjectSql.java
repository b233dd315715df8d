package org.vigil.store.internal;

import java.util.ArrayList;
import java.util.List;
import org.vigil.store.ObjectQuery;
import org.vigil.store.VersionMatch;

/**
 * Turns an {@link ObjectQuery} into one SELECT on the objects table that the indexes serve: the collection and
 * date_added bound the scan, and the TAXII defaults read precomputed flags instead of comparing versions.
 */
final class ObjectSql {

    static final String OBJECT_COLUMNS =
            "o.object_id, o.type, o.spec_version, o.version, o.date_added, o.created_by_ref, o.posted_by, o.tlp,"
                    + " o.granular, o.json";
    static final String MANIFEST_COLUMNS = "o.object_id, o.date_added, o.version, o.spec_version";
    static final String VERSION_COLUMNS = "o.object_id, o.version, o.date_added";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private ObjectSql() {
    }

    /**
     * The query's rows in date_added order. A paged select starts after the cursor and added_after and fetches
     * one row more than the limit, so the caller learns whether more follow without counting. A paged select for
     * an audience that may not see everything reads one index range per part of that audience instead of the
     * whole collection ({@link AudienceRanges}), so hidden rows cost nothing.
     */
    static SqlQuery select(Dialect dialect, String columns, ObjectQuery query, boolean paged) {
        if (paged && query.ids().isEmpty() && AudienceRanges.narrows(query.audience())) {
            return AudienceRanges.select(dialect, columns, query);
        }
        ObjectSql b = new ObjectSql();
        b.sql.append("SELECT ").append(columns).append(" FROM objects o WHERE o.collection_id = ?");
        b.params.add(query.collectionId());
        b.in("o.object_id", query.ids());
        b.in("o.type", query.types());
        b.versions(query);
        if (query.audience() != null) {
            b.sql.append(" AND ").append(AudienceSql.condition("o", "o.json", query.audience(), b.params));
        }
        Long after = lowerBound(query, paged);
        if (after != null) {
            b.sql.append(" AND o.date_added > ?");
            b.params.add(after);
        }
        // With ids, the primary key (collection, object, version) finds the few rows at once; ordering them by an
        // index on date_added instead walks the whole collection, which SQLite prefers when it can, so the sort key
        // is made an expression there and the handful of rows is sorted.
        b.sql.append(query.ids().isEmpty() ? " ORDER BY o.date_added" : " ORDER BY +o.date_added");
        if (paged) {
            b.sql.append(" LIMIT ?");
            b.params.add(query.limit() + 1);
        }
        return new SqlQuery(b.sql.toString(), b.params);
    }

    /**
     * The conditions on a row besides its collection and audience, each starting with " AND ": the types (when
     * {@code withTypes}), the versions and spec versions, and the lower bound on date_added of {@code alias}.
     */
    static SqlQuery filters(ObjectQuery query, boolean withTypes, String dateAlias) {
        ObjectSql b = new ObjectSql();
        if (withTypes) {
            b.in("o.type", query.types());
        }
        b.versions(query);
        Long after = lowerBound(query, true);
        if (after != null) {
            b.sql.append(" AND ").append(dateAlias).append(".date_added > ?");
            b.params.add(after);
        }
        return new SqlQuery(b.sql.toString(), b.params);
    }

    private static Long lowerBound(ObjectQuery query, boolean paged) {
        Long bound = query.addedAfter() == null ? null : Micros.parse(query.addedAfter());
        if (paged && query.after() != null) {
            long cursor = query.after().dateAddedMicros();
            bound = bound == null ? cursor : Math.max(bound, cursor);
        }
        return bound;
    }

    private void in(String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(list(values.size()));
        params.addAll(values);
    }

    private void versions(ObjectQuery query) {
        VersionMatch match = query.versions();
        List<String> specs = query.specVersions();
        if (specs.isEmpty()) {
            defaultSpecVersions(match);
        } else {
            in("o.spec_version", specs);
            if (!match.all()) {
                explicitSpecVersions(match, specs);
            }
        }
    }

    /** Each object in its newest spec version: the flags answer first and last directly. */
    private void defaultSpecVersions(VersionMatch match) {
        if (match.all()) {
            sql.append(" AND o.spec_newest = TRUE");
            return;
        }
        List<String> terms = new ArrayList<>();
        if (match.last()) {
            terms.add("o.latest = TRUE");
        }
        if (match.first()) {
            terms.add("o.earliest = TRUE");
        }
        if (!match.timestamps().isEmpty()) {
            terms.add("(o.spec_newest = TRUE AND o.version" + list(match.timestamps().size()) + ")");
        }
        appendAny(terms);
        addTimestamps(match);
    }

    /**
     * First and last among the listed spec versions: no newer (older) version in those spec versions exists,
     * which the primary key (collection_id, object_id, version) answers per row.
     */
    private void explicitSpecVersions(VersionMatch match, List<String> specs) {
        List<String> terms = new ArrayList<>();
        if (match.last()) {
            terms.add(noOtherVersion(">", specs.size()));
        }
        if (match.first()) {
            terms.add(noOtherVersion("<", specs.size()));
        }
        if (!match.timestamps().isEmpty()) {
            terms.add("o.version" + list(match.timestamps().size()));
        }
        appendAny(terms);
        if (match.last()) {
            params.addAll(specs);
        }
        if (match.first()) {
            params.addAll(specs);
        }
        addTimestamps(match);
    }

    private static String noOtherVersion(String comparison, int specCount) {
        return "NOT EXISTS (SELECT 1 FROM objects n WHERE n.collection_id = o.collection_id"
                + " AND n.object_id = o.object_id AND n.version " + comparison + " o.version"
                + " AND n.spec_version" + list(specCount) + ")";
    }

    private void appendAny(List<String> terms) {
        sql.append(" AND ");
        if (terms.size() == 1) {
            sql.append(terms.get(0));
        } else {
            sql.append('(').append(String.join(" OR ", terms)).append(')');
        }
    }

    private void addTimestamps(VersionMatch match) {
        for (String t : match.timestamps()) {
            params.add(Micros.parse(t));
        }
    }

    private static String list(int size) {
        return size == 1 ? " = ?" : " IN (" + "?, ".repeat(size - 1) + "?)";
    }
}
