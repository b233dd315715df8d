package org.vigil.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/**
 * One alert message (an alert, an update or a cancellation), drafted or published, as Vigil keeps it: a STIX
 * object of the Vigil-defined type {@value AlertSchema#TYPE}.
 *
 * @param id the STIX id, which is also the CAP identifier
 * @param kind alert, update or cancel
 * @param published whether it has been published (drafts are not)
 * @param level the advisory level
 * @param headline a short headline
 * @param description what is going on
 * @param instruction what travellers should do, or null
 * @param risks the risks behind the level (terrorism, unrest, crime, ...)
 * @param placeRefs the STIX locations it applies to
 * @param evidenceRefs the STIX objects it rests on
 * @param areas the places as CAP areas, copied from the locations when drafted
 * @param effective when it takes effect
 * @param expires when it expires
 * @param sent when it was published, or null for a draft
 * @param replaces the earlier messages of the same advisory, oldest first (empty for an alert)
 * @param source the identity of the organisation that issued it
 * @param created the STIX created timestamp
 * @param modified the STIX modified timestamp
 * @param draftedBy the id of the user who drafted it, kept on drafts only (published messages name no person)
 * @param reviewedBy the id of the user who reviewed the draft, or null while it awaits review; drafts only
 */
public record Alert(String id, Kind kind, boolean published, Level level, String headline, String description,
                    String instruction, List<String> risks, List<String> placeRefs, List<String> evidenceRefs,
                    List<Area> areas, Instant effective, Instant expires, Instant sent, List<String> replaces,
                    String source, String created, String modified, String draftedBy, String reviewedBy) {

    /** CAP's msgType for the message. */
    public enum Kind {
        ALERT("Alert"), UPDATE("Update"), CANCEL("Cancel");

        private final String cap;

        Kind(String cap) {
            this.cap = cap;
        }

        public String cap() {
            return cap;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofLabel(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    public Alert {
        risks = List.copyOf(risks);
        placeRefs = List.copyOf(placeRefs);
        evidenceRefs = List.copyOf(evidenceRefs);
        areas = List.copyOf(areas);
        replaces = List.copyOf(replaces);
    }

    /** Where it stands in the workflow: draft, reviewed (a draft a second person approved) or published. */
    public String status() {
        return published ? "published" : reviewedBy != null ? "reviewed" : "draft";
    }

    /** The message this one replaces directly, or null for an alert. */
    public String replacesDirectly() {
        return replaces.isEmpty() ? null : replaces.get(replaces.size() - 1);
    }

    /** Whether receivers should still hold it at {@code now}. */
    public boolean currentAt(Instant now) {
        return expires.isAfter(now);
    }

    /** The STIX object; published messages carry the TLP:CLEAR marking, drafts their collection's default. */
    public StixObject toStix() {
        ObjectNode ext = StixJson.newObjectNode();
        ext.putObject(AlertSchema.EXTENSION_ID).put("extension_type", "new-sdo");
        StixObject.Builder b = StixObject.builder(AlertSchema.TYPE, id)
                .put("created_by_ref", source)
                .put("created", created).put("modified", modified)
                .put("name", headline)
                .put("msg_type", kind.label())
                .put("workflow_status", status())
                .put("drafted_by", draftedBy)
                .put("reviewed_by", reviewedBy)
                .put("advisory_level", level.number())
                .put("advisory_level_name", level.label())
                .put("headline", headline)
                .put("description", description)
                .put("instruction", instruction)
                .put("risks", risks)
                .put("place_refs", placeRefs)
                .put("evidence_refs", evidenceRefs)
                .put("areas", areasJson())
                .put("effective", AlertTimes.stix(effective))
                .put("expires", AlertTimes.stix(expires))
                .put("sent", sent == null ? null : AlertTimes.stix(sent))
                .put("replaces_refs", replaces);
        if (published) {
            b.put("object_marking_refs", List.of(Tlp.CLEAR.markingId()));
        }
        return b.put("extensions", ext).build();
    }

    private JsonNode areasJson() {
        ArrayNode list = StixJson.newObjectNode().arrayNode();
        for (Area a : areas) {
            ObjectNode n = list.addObject();
            n.put("place_ref", a.placeRef());
            n.put("name", a.name());
            if (a.hasPoint()) {
                n.put("latitude", a.latitude());
                n.put("longitude", a.longitude());
                n.put("radius_km", a.radiusKm());
            }
            if (a.country() != null) {
                n.put("country", a.country());
            }
        }
        return list.isEmpty() ? null : list;
    }

    /** Reads an alert back from its STIX object. */
    public static Alert fromStix(StixObject o) {
        List<Area> areas = new ArrayList<>();
        o.property("areas").ifPresent(list -> list.forEach(a -> areas.add(new Area(a.path("place_ref").asText(null),
                a.path("name").asText(""), number(a.get("latitude")), number(a.get("longitude")),
                a.path("radius_km").asDouble(AlertDesk.DEFAULT_RADIUS_KM), a.path("country").asText(null)))));
        String sent = o.text("sent");
        return new Alert(o.id(), Kind.ofLabel(o.text("msg_type")), "published".equals(o.text("workflow_status")),
                Level.of(o.property("advisory_level").map(JsonNode::asInt).orElse(0)), o.text("headline"),
                o.text("description"), o.text("instruction"), o.texts("risks"), o.texts("place_refs"),
                o.texts("evidence_refs"), areas, Instant.parse(o.text("effective")), Instant.parse(o.text("expires")),
                sent == null ? null : Instant.parse(sent), o.texts("replaces_refs"), o.text("created_by_ref"),
                o.text("created"), o.text("modified"), o.text("drafted_by"), o.text("reviewed_by"));
    }

    private static Double number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble();
    }

    Alert asPublished(Instant at, String modifiedAt) {
        return new Alert(id, kind, true, level, headline, description, instruction, risks, placeRefs, evidenceRefs,
                areas, effective, expires, at, replaces, source, created, modifiedAt, null, null);
    }

    Alert asReviewed(String reviewer, String modifiedAt) {
        return new Alert(id, kind, false, level, headline, description, instruction, risks, placeRefs, evidenceRefs,
                areas, effective, expires, sent, replaces, source, created, modifiedAt, draftedBy, reviewer);
    }
}
