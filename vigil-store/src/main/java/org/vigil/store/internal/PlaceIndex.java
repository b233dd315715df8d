package org.vigil.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.StixObject;

/**
 * Keeps the threat picture's index of reporting about places in step with the objects, inside the transaction
 * that stores or deletes them: what each report, sighting and relationship says about which place, on which day,
 * and the locations and duplicate-of links the picture rolls up and merges by. Only an object's newest version
 * is indexed, as only it is current.
 */
final class PlaceIndex {

    /** Relationship types that tie an SDO (the source) to a place (the target) it happened at, targets or came from. */
    private static final Set<String> PLACE_RELATIONSHIPS = Set.of("located-at", "targets", "originates-from",
            "based-at", "operates-in", "attributed-to-location", "impersonates", "observed-at");
    private static final String LOCATION = "location--";
    private static final String IDENTITY = "identity--";

    private final Dialect dialect;

    PlaceIndex(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Whether objects of this type can ever enter the index; others skip it at no cost. */
    static boolean concerns(String type) {
        return switch (type) {
            case "report", "sighting", "relationship", "location" -> true;
            default -> false;
        };
    }

    /** What the index should hold for one object: what its newest version says, or nothing. */
    record Entry(String objectId, StixObject newest, UUID postedBy, Integer tlp, String createdByRef,
                 boolean wasIndexed) {
    }

    /**
     * Replaces what the index holds for these objects with what their newest versions say, in a few batched
     * statements: an add of many reports must not cost a round of statements each.
     */
    void reindex(Connection c, UUID collectionId, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (Statements st = new Statements(c)) {
            for (Entry e : entries) {
                if (e.wasIndexed()) {
                    for (PreparedStatement delete : st.deletes) {
                        new Params(dialect, delete).uuid(collectionId).text(e.objectId());
                        delete.addBatch();
                    }
                }
            }
            for (PreparedStatement delete : st.deletes) {
                delete.executeBatch();
            }
            for (Entry e : entries) {
                if (e.newest() != null) {
                    add(st, collectionId, e.newest(), e.postedBy(), e.tlp(), e.createdByRef());
                }
            }
            long now = Micros.now();
            for (Entry e : entries) {
                new Params(dialect, st.changes).uuid(collectionId).text(e.objectId()).bigint(now);
                st.changes.addBatch();
            }
            st.links.executeBatch();
            st.places.executeBatch();
            st.copies.executeBatch();
            st.changes.executeBatch();
        }
    }

    /** The statements of one reindexing, prepared once. */
    private static final class Statements implements AutoCloseable {
        final List<PreparedStatement> deletes = new ArrayList<>();
        final PreparedStatement links;
        final PreparedStatement places;
        final PreparedStatement copies;
        final PreparedStatement changes;

        Statements(Connection c) throws SQLException {
            for (String table : List.of("place_links", "places", "story_copies")) {
                deletes.add(c.prepareStatement("DELETE FROM " + table + " WHERE collection_id = ? AND "
                        + (table.equals("places") ? "place_id" : "object_id") + " = ?"));
            }
            links = c.prepareStatement("INSERT INTO place_links (collection_id, object_id, item_id, item_type,"
                    + " place_id, day, tlp, created_by_ref, posted_by, red_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            places = c.prepareStatement("INSERT INTO places (collection_id, place_id, name, country, is_country,"
                    + " latitude, longitude, tlp, created_by_ref, posted_by, red_to)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            copies = c.prepareStatement("INSERT INTO story_copies (collection_id, object_id, copy_id, original_id)"
                    + " VALUES (?, ?, ?, ?)");
            changes = c.prepareStatement("INSERT INTO place_index_changes (collection_id, object_id, changed_at)"
                    + " VALUES (?, ?, ?)");
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement ps : deletes) {
                ps.close();
            }
            links.close();
            places.close();
            copies.close();
            changes.close();
        }
    }

    private void add(Statements st, UUID collectionId, StixObject o, UUID postedBy, Integer tlp, String createdBy)
            throws SQLException {
        switch (o.type()) {
            case "report" -> links(st, collectionId, o, o.id(), locations(o.texts("object_refs")),
                    day(o.text("published"), o), postedBy, tlp, createdBy);
            case "sighting" -> links(st, collectionId, o, o.id(), placesOrIdentities(o.texts("where_sighted_refs")),
                    day(o.text("first_seen"), o), postedBy, tlp, createdBy);
            case "relationship" -> relationship(st, collectionId, o, postedBy, tlp, createdBy);
            case "location" -> place(st, collectionId, o, postedBy, tlp, createdBy);
            default -> {
            }
        }
    }

    private void relationship(Statements st, UUID collectionId, StixObject o, UUID postedBy, Integer tlp,
                              String createdBy) throws SQLException {
        String type = o.text("relationship_type");
        String source = o.text("source_ref");
        String target = o.text("target_ref");
        if (type == null || source == null || target == null) {
            return;
        }
        if (type.equals("duplicate-of")) {
            new Params(dialect, st.copies).uuid(collectionId).text(o.id()).text(source).text(target);
            st.copies.addBatch();
        } else if (PLACE_RELATIONSHIPS.contains(type) && target.startsWith(LOCATION)) {
            links(st, collectionId, o, source, List.of(target), day(o.text("start_time"), o), postedBy, tlp,
                    createdBy);
        }
    }

    private void links(Statements st, UUID collectionId, StixObject o, String itemId, List<String> places, long day,
                       UUID postedBy, Integer tlp, String createdBy) throws SQLException {
        if (places.isEmpty()) {
            return;
        }
        String itemType = itemId.substring(0, Math.max(0, itemId.indexOf("--")));
        String redTo = recipients(o);
        for (String place : places) {
            new Params(dialect, st.links).uuid(collectionId).text(o.id()).text(itemId).text(itemType).text(place)
                    .bigint(day).smallint(tlp).text(createdBy).uuid(postedBy).text(redTo);
            st.links.addBatch();
        }
    }

    private void place(Statements st, UUID collectionId, StixObject o, UUID postedBy, Integer tlp, String createdBy)
            throws SQLException {
        String country = o.text("country");
        boolean countryOnly = country != null && !o.has("city") && !o.has("street_address")
                && !o.has("postal_code") && !o.has("administrative_area") && !o.has("latitude");
        PreparedStatement ps = st.places;
        new Params(dialect, ps).uuid(collectionId).text(o.id()).text(name(o))
                .text(country == null ? null : country.toUpperCase(java.util.Locale.ROOT)).bool(countryOnly);
        setDouble(ps, 6, o.property("latitude"));
        setDouble(ps, 7, o.property("longitude"));
        new Params(dialect, ps, 8).smallint(tlp).text(createdBy).uuid(postedBy).text(recipients(o));
        ps.addBatch();
    }

    private static void setDouble(PreparedStatement ps, int index, java.util.Optional<JsonNode> value)
            throws SQLException {
        if (value.isPresent() && value.get().isNumber()) {
            ps.setDouble(index, value.get().doubleValue());
        } else {
            ps.setNull(index, java.sql.Types.DOUBLE);
        }
    }

    private static String name(StixObject o) {
        for (String p : List.of("name", "city", "region", "country")) {
            if (o.text(p) != null) {
                return o.text(p);
            }
        }
        return null;
    }

    private static List<String> locations(List<String> refs) {
        return refs.stream().filter(r -> r.startsWith(LOCATION)).distinct().toList();
    }

    private static List<String> placesOrIdentities(List<String> refs) {
        return refs.stream().filter(r -> r.startsWith(LOCATION) || r.startsWith(IDENTITY)).distinct().toList();
    }

    /** The day an item describes: the given time when it has one, else when the object was created. */
    private static long day(String describedTime, StixObject o) {
        String t = describedTime != null ? describedTime : o.created().orElse(null);
        if (t != null) {
            try {
                return LocalDate.ofInstant(Instant.parse(t), ZoneOffset.UTC).toEpochDay();
            } catch (DateTimeParseException e) {
                // A malformed time cannot pass the validator; objects stored without one fall back to now.
            }
        }
        return LocalDate.now(ZoneOffset.UTC).toEpochDay();
    }

    /** The user ids any extension of the object names as its RED recipients, comma-separated; null if none. */
    static String recipients(StixObject o) {
        Set<String> out = new LinkedHashSet<>();
        o.property("extensions").ifPresent(extensions -> extensions.forEach(ext -> {
            for (JsonNode id : ext.path("recipients")) {
                if (id.isTextual() && !id.textValue().contains(",")) {
                    out.add(id.textValue());
                }
            }
        }));
        return out.isEmpty() ? null : String.join(",", new ArrayList<>(out));
    }
}
