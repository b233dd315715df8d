package org.vigil.extract.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.extract.Place;
import org.vigil.extract.Provenance;
import org.vigil.stix.Identifier;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * Turns an analysed article into STIX 2.1 objects with deterministic ids: a name and a type always give the
 * same id, so the same person in two articles is one object. Each object records its source sentences in
 * Vigil's provenance extension.
 */
public final class StixWriter {

    private final String text;
    private final String timestamp;
    private final List<Sentence> sentences;
    private final Map<Entity, String> ids = new LinkedHashMap<>();

    public StixWriter(String text, String timestamp, List<Sentence> sentences) {
        this.text = text;
        this.timestamp = timestamp;
        this.sentences = sentences;
    }

    /** The id an entity's object has (a known object keeps its own). */
    public String id(Entity e) {
        return ids.computeIfAbsent(e, StixWriter::idOf);
    }

    static String idOf(Entity e) {
        return switch (e.kind()) {
            case PERSON -> deterministic("identity", "individual|" + e.key());
            case ORGANIZATION -> deterministic("identity", "organization|" + e.key());
            case GROUP -> deterministic("threat-actor", "group|" + e.key());
            case PLACE -> deterministic("location", e.key());
            case ATTACK -> deterministic("attack-pattern", e.key());
            case KNOWN -> e.known().id();
        };
    }

    public static String deterministic(String type, String name) {
        return Identifier.deterministic(type, Provenance.NAMESPACE, name);
    }

    /** The object for an entity; null for a known object, which is referenced, never rewritten. */
    public StixObject entity(Entity e, List<Span> extraSources) {
        if (e.kind() == Entity.Kind.KNOWN) {
            return null;
        }
        StixObject.Builder b = start(typeOf(e), id(e));
        switch (e.kind()) {
            case PERSON -> b.put("name", e.name()).put("identity_class", "individual").put("roles", List.copyOf(e.roles()));
            case ORGANIZATION -> b.put("name", e.name()).put("identity_class", "organization");
            case GROUP -> b.put("name", e.name()).put("threat_actor_types", List.of("terrorist"))
                    .put("aliases", aliases(e));
            case ATTACK -> b.put("name", e.name()).put("description", e.attack().description());
            case PLACE -> location(b, e.place());
            default -> throw new IllegalStateException("no object for " + e.kind());
        }
        List<Span> spans = new ArrayList<>(extraSources);
        e.mentions().forEach(m -> spans.add(m.sentence().span()));
        return b.put("extensions", extension(spans)).build();
    }

    /** The other names the article gives a group ("ISIS" for the Islamic State), or null when it gives none. */
    private static List<String> aliases(Entity e) {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(Names.key(e.name()));
        List<String> out = new ArrayList<>();
        for (Mention m : e.mentions()) {
            if (seen.add(Names.key(m.text()))) {
                out.add(Names.squash(m.text()));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String typeOf(Entity e) {
        return Identifier.typeOf(idOf(e));
    }

    private void location(StixObject.Builder b, Place p) {
        b.put("name", p.name());
        if (p.kind() == Place.Kind.CITY) {
            b.put("description", describe(p));
        }
        if (p.hasCoordinates()) {
            b.put("latitude", p.latitude()).put("longitude", p.longitude());
            if (!Double.isNaN(p.precision())) {
                b.put("precision", p.precision());
            }
        }
        b.put("region", p.region()).put("country", p.countryCode());
        if (p.kind() == Place.Kind.ADMIN_AREA || p.kind() == Place.Kind.CITY) {
            b.put("administrative_area", p.adminName());
        }
        if (p.kind() == Place.Kind.CITY) {
            b.put("city", p.name());
        }
    }

    private static String describe(Place p) {
        String country = new Locale("", p.countryCode()).getDisplayCountry(Locale.ENGLISH);
        return p.adminName() == null ? p.name() + ", " + country : p.name() + ", " + p.adminName() + ", " + country;
    }

    public StixObject relationship(Relation r) {
        String source = id(r.source());
        String target = id(r.target());
        String type = RelationTypes.of(Identifier.typeOf(source), r.verb(), Identifier.typeOf(target));
        return start("relationship", deterministic("relationship", source + "|" + type + "|" + target))
                .put("relationship_type", type)
                .put("description", r.description())
                .put("source_ref", source)
                .put("target_ref", target)
                .put("extensions", extension(List.of(r.evidence().span())))
                .build();
    }

    /** A quote's note: the words, the speaker's name in authors, the speaker and the report in object_refs. */
    public StixObject note(String id, String content, Entity speaker, String reportId, List<Span> pieces) {
        List<String> refs = new ArrayList<>();
        if (speaker != null) {
            refs.add(id(speaker));
        }
        refs.add(reportId);
        List<Span> spans = new ArrayList<>();
        for (Span p : pieces) {
            sentences.stream().filter(s -> s.span().overlaps(p)).forEach(s -> spans.add(s.span()));
        }
        return start("note", id)
                .put("abstract", speaker == null ? "Unattributed quotation" : "Quotation of " + speaker.name())
                .put("content", content)
                .put("authors", speaker == null ? null : List.of(speaker.name()))
                .put("object_refs", refs)
                .put("extensions", extension(spans.isEmpty() ? pieces : spans))
                .build();
    }

    public StixObject.Builder start(String type, String id) {
        return StixObject.builder(type, id)
                .put("created_by_ref", Provenance.VIGIL_IDENTITY_ID)
                .put("created", timestamp)
                .put("modified", timestamp);
    }

    /** The provenance extension for these spans: each distinct sentence once, in text order. */
    public ObjectNode extension(List<Span> spans) {
        return extension(spans, null);
    }

    /** The provenance extension, with extra report-only properties when {@code extra} is not null. */
    public ObjectNode extension(List<Span> spans, ObjectNode extra) {
        ObjectNode ext = StixJson.newObjectNode();
        ext.put("extension_type", "property-extension");
        ArrayNode list = ext.putArray("sources");
        Set<Span> distinct = new LinkedHashSet<>(spans.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList());
        for (Span s : distinct) {
            list.addObject().put("start", s.start()).put("end", s.end()).put("sentence", text.substring(s.start(), s.end()));
        }
        if (extra != null) {
            ext.setAll(extra);
        }
        ObjectNode extensions = StixJson.newObjectNode();
        extensions.set(Provenance.EXTENSION_ID, ext);
        return extensions;
    }
}
