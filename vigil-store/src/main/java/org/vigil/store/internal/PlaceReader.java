package org.vigil.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigil.store.Place;
import org.vigil.store.PlaceLink;
import org.vigil.store.PlaceQuery;

/** Reads the place index for the threat picture, narrowed to each collection's audience. */
final class PlaceReader {

    private final Database db;

    PlaceReader(Database db) {
        this.db = db;
    }

    List<PlaceLink> links(PlaceQuery q) {
        if (q.scopes().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT l.collection_id, l.object_id, l.item_id, l.place_id, l.day,"
                + " COALESCE(s.original_id, l.item_id), l.tlp, l.created_by_ref, l.posted_by, l.red_to"
                + " FROM place_links l LEFT JOIN story_copies s ON s.collection_id = l.collection_id"
                + " AND s.copy_id = l.item_id WHERE l.day BETWEEN ? AND ?");
        params.add(q.from().toEpochDay());
        params.add(q.to().toEpochDay());
        sql.append(" AND ").append(scopes("l", q, params));
        List<String> about = new ArrayList<>();
        if (!q.places().isEmpty()) {
            about.add("l.place_id" + AudienceSql.list(q.places().size()));
            params.addAll(q.places().stream().sorted().toList());
        }
        if (!q.countries().isEmpty()) {
            about.add("l.place_id IN (SELECT p.place_id FROM places p WHERE p.country"
                    + AudienceSql.list(q.countries().size()) + ")");
            params.addAll(q.countries().stream().sorted().toList());
        }
        if (!about.isEmpty()) {
            sql.append(" AND (").append(String.join(" OR ", about)).append(')');
        }
        return db.read("reading the place index", c -> {
            List<PlaceLink> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
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
