package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.store.Place;
import org.vigil.store.PlaceIndexChange;
import org.vigil.store.PlaceIndexRows;
import org.vigil.store.PlaceLink;
import org.vigil.store.PlaceQuery;

/** Reads the place index for the threat picture, narrowed to each collection's audience. */
final class PlaceReader {

    private final Database db;
    private final Sql sql;

    PlaceReader(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    /**
     * One SELECT per way a row can concern the places asked about, joined by UNION, so that each can use the place
     * or day index: an OR across them makes SQLite walk the whole collection.
     */
    List<PlaceLink> links(PlaceQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        List<java.util.function.Function<String, String>> about = new ArrayList<>();
        List<List<Object>> aboutParams = new ArrayList<>();
        if (!q.places().isEmpty()) {
            about.add(alias -> alias + ".place_id" + AudienceSql.list(q.places().size()));
            aboutParams.add(List.copyOf(q.places().stream().sorted().toList()));
        }
        if (!q.countries().isEmpty()) {
            about.add(alias -> alias + ".place_id IN (SELECT p.place_id FROM places p WHERE p.country"
                    + AudienceSql.list(q.countries().size()) + ")");
            aboutParams.add(List.copyOf(q.countries().stream().sorted().toList()));
        }
        List<String> branches = new ArrayList<>();
        String links = "place_links l";
        String day = "l.day BETWEEN ? AND ?";
        List<Object> days = List.of(q.from().toEpochDay(), q.to().toEpochDay());
        // Where an identity is located holds whatever the day of the located-at.
        String identity = "l.item_type = 'identity'";
        if (about.isEmpty()) {
            branches.add(branch(links, day, days, q, params));
            branches.add(branch(links, identity, List.of(), q, params));
        }
        for (int i = 0; i < about.size(); i++) {
            branches.add(branch(links, day + " AND " + about.get(i).apply("l"), concat(days, aboutParams.get(i)), q,
                    params));
            branches.add(branch(links, identity + " AND " + about.get(i).apply("l"), aboutParams.get(i), q, params));
            // A sighting at an identity counts where the identity is located.
            branches.add(branch("place_links i JOIN place_links l ON l.place_id = i.item_id",
                    "i.item_type = 'identity' AND " + about.get(i).apply("i") + " AND " + day,
                    concat(aboutParams.get(i), days), q, params));
        }
        String sql = String.join(" UNION ", branches);
        return db.read("reading the place index", c -> {
            List<PlaceLink> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params.bindAll(db.dialect, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlaceLink(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), LocalDate.ofEpochDay(rs.getLong(5)), rs.getString(6), tlp(rs, 7),
                                rs.getString(8), uuid(rs.getString(9)), recipients(rs.getString(10))));
                    }
                }
            }
            return out;
        });
    }

    private static String branch(String from, String where, List<Object> whereParams, PlaceQuery q,
                                 List<Object> params) {
        params.addAll(whereParams);
        return "SELECT l.collection_id, l.object_id, l.item_id, l.place_id, l.day,"
                + " COALESCE(s.original_id, l.item_id), l.tlp, l.created_by_ref, l.posted_by, l.red_to"
                + " FROM " + from + " LEFT JOIN story_copies s ON s.collection_id = l.collection_id"
                + " AND s.copy_id = l.item_id WHERE " + where + " AND " + scopes("l", q, params);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    List<Place> places(PlaceQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String sql = "SELECT p.collection_id, p.place_id, p.name, p.country, p.is_country, p.latitude, p.longitude,"
                + " p.tlp, p.created_by_ref, p.posted_by, p.red_to FROM places p WHERE " + scopes("p", q, params);
        return db.read("reading places", c -> {
            List<Place> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Params.bindAll(db.dialect, ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Place(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getBoolean(5), number(rs, 6), number(rs, 7), tlp(rs, 8),
                                rs.getString(9), uuid(rs.getString(10)), recipients(rs.getString(11))));
                    }
                }
            }
            return out;
        });
    }

    PlaceIndexChange.Log changes(long afterSeq, int limit) {
        long cutoff = Micros.of(Instant.now().minus(PlaceIndexChange.SETTLED));
        return db.read("reading the place index's changes", c -> {
            List<PlaceIndexChange> changes = sql.list(c, "SELECT seq, collection_id, object_id, changed_at"
                    + " FROM place_index_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                    p -> p.bigint(afterSeq).bigint((long) limit), rs -> new PlaceIndexChange(rs.getLong(1),
                            UUID.fromString(rs.getString(2)), rs.getString(3), Micros.instant(rs.getLong(4))));
            long oldest = sql.first(c, "SELECT MIN(seq) FROM place_index_changes", p -> { },
                    rs -> rs.getLong(1)).orElse(0L);
            // Any change logged before the cutoff will do: every lower number was taken before it was.
            long settled = sql.first(c, "SELECT seq FROM place_index_changes WHERE changed_at < ?"
                    + " ORDER BY changed_at DESC LIMIT 1", p -> p.bigint(cutoff), rs -> rs.getLong(1)).orElse(0L);
            return new PlaceIndexChange.Log(changes, oldest, settled);
        });
    }

    void rows(Set<PlaceIndexRows.Key> objects, PlaceIndexRows rows) {
        db.read("reading the place index", c -> {
            if (objects.isEmpty()) {
                stream(c, LINKS, List.of(), rs -> rows.link(rawLink(rs)));
                stream(c, COPIES, List.of(), rs -> rows.copy(copy(rs)));
                return null;
            }
            Map<UUID, List<String>> byCollection = new HashMap<>();
            objects.forEach(k -> byCollection.computeIfAbsent(k.collectionId(), x -> new ArrayList<>())
                    .add(k.objectId()));
            for (Map.Entry<UUID, List<String>> e : byCollection.entrySet()) {
                List<String> ids = e.getValue();
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<Object> params = new ArrayList<>();
                    params.add(e.getKey());
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    params.addAll(chunk);
                    String where = " WHERE collection_id = ? AND object_id" + AudienceSql.list(chunk.size());
                    stream(c, LINKS + where, params, rs -> rows.link(rawLink(rs)));
                    stream(c, COPIES + where, params, rs -> rows.copy(copy(rs)));
                }
            }
            return null;
        });
    }

    void prune(Instant before) {
        db.write("pruning the place index's changes", c -> sql.update(c,
                "DELETE FROM place_index_changes WHERE changed_at < ?", p -> p.bigint(Micros.of(before))));
    }

    private static final int CHUNK = 500;
    private static final String LINKS = "SELECT collection_id, object_id, item_id, place_id, day, tlp, created_by_ref,"
            + " posted_by, red_to FROM place_links";
    private static final String COPIES = "SELECT collection_id, object_id, copy_id, original_id FROM story_copies";

    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a query and hands over its rows as they come: PostgreSQL sends them in batches inside a transaction. */
    private void stream(Connection c, String sql, List<Object> params, RowSink sink) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (db.dialect != Dialect.SQLITE) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(10_000);
            Params.bindAll(db.dialect, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        } finally {
            if (db.dialect != Dialect.SQLITE) {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static PlaceLink rawLink(ResultSet rs) throws SQLException {
        return new PlaceLink(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                LocalDate.ofEpochDay(rs.getLong(5)), rs.getString(3), tlp(rs, 6), rs.getString(7),
                uuid(rs.getString(8)), recipients(rs.getString(9)));
    }

    private static PlaceIndexRows.Copy copy(ResultSet rs) throws SQLException {
        return new PlaceIndexRows.Copy(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4));
    }

    /** Each collection with its own audience: a row passes in the collection that holds it. */
    private static String scopes(String alias, PlaceQuery q, List<Object> params) {
        List<String> terms = new ArrayList<>();
        for (PlaceQuery.Scope s : q.scopes()) {
            params.add(s.collectionId());
            terms.add("(" + alias + ".collection_id = ? AND "
                    + AudienceSql.condition(alias, alias + ".red_to", s.audience(), params) + ")");
        }
        return "(" + String.join(" OR ", terms) + ")";
    }

    private static org.vigil.stix.Tlp tlp(ResultSet rs, int column) throws SQLException {
        int code = rs.getInt(column);
        return rs.wasNull() ? null : TlpCode.level(code);
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static UUID uuid(String s) {
        return s == null ? null : UUID.fromString(s);
    }

    private static Set<String> recipients(String s) {
        return s == null ? Set.of() : Set.of(s.split(","));
    }
}
