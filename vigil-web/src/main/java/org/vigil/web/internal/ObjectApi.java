package org.vigil.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.stix.Identifier;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiV1;

/**
 * Objects for the UI under /api/v1/: one object with its marking, its relationships both ways and its versions,
 * and an object's neighbourhood for the graph. What the caller may not see neither appears nor counts, and a
 * hidden object answers 404 exactly like a missing one.
 */
public final class ObjectApi {

    /** The most relationships an object view or a graph step shows. */
    static final int MAX_RELATIONSHIPS = 200;
    /** The most words one search matches, so that a pasted paragraph cannot make a slow query. */
    static final int MAX_WORDS = 8;

    private final ReadPath reads;

    public ObjectApi(ReadPath reads) {
        this.reads = reads;
    }

    public void install(ApiV1 api) {
        api.get("/objects/{id}", this::object);
        api.get("/objects/{id}/neighbours", this::neighbours);
        api.get("/search", this::search);
        api.describe(ObjectApi.class.getResourceAsStream("openapi.json"));
    }

    /** A reference from or to the object: the other end, how they are linked, and the other end's name. */
    record Link(String id, String type, String name, String via, String relationship) {
    }

    record ObjectView(String id, String type, String name, String tlp, JsonNode object, List<Link> outgoing,
                      List<Link> incoming, List<JsonNode> versions, ArticleText article) {
    }

    /** The article a report was made from, with where each entity the reader may see was found. */
    record ArticleText(String artifact, String text, List<Highlight> highlights) {
    }

    /** One entity's place in the article: [start, end) in the text. */
    record Highlight(int start, int end, String id, String type, String name) {
    }

    private ObjectView object(ApiCall call) {
        Principal p = call.principal();
        StixObject o = find(call, p);
        Map<String, String> names = new LinkedHashMap<>();
        List<Link> outgoing = new ArrayList<>();
        List<Link> incoming = new ArrayList<>();
        links(call, p, o, outgoing, incoming, names);
        List<JsonNode> versions = reads.history(p, o.id(), call.request()).stream()
                .map(r -> (JsonNode) r.object().json()).toList();
        return new ObjectView(o.id(), o.type(), o.text("name"), tlp(o), o.json(), outgoing, incoming, versions,
                o.type().equals("report") ? article(call, p, o) : null);
    }

    record Node(String id, String type, String name, String tlp) {
    }

    record Edge(String id, String source, String target, String label) {
    }

    record Neighbourhood(String centre, List<Node> nodes, List<Edge> edges) {
    }

    record Result(String id, String type, String name, String tlp, String modified) {
    }

    record Results(List<Result> results, boolean more, String next) {
    }

    /** Full-text search over what the caller may see, newest first, filtered by type, marking, time, place, source. */
    private Results search(ApiCall call) {
        String q = call.query("q").orElse("");
        List<String> words = java.util.Arrays.stream(q.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
        if (words.isEmpty()) {
            throw ApiException.badRequest("the q parameter must hold at least one word to find, e.g. q=sochi");
        }
        java.util.Set<Tlp> markings = new java.util.HashSet<>();
        for (String m : call.queryAll("marking")) {
            String label = m.toLowerCase(java.util.Locale.ROOT).replaceFirst("^tlp:", "");
            markings.add(java.util.Arrays.stream(Tlp.values()).filter(t -> t.label().equals(label)).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("the marking '" + m + "' is not a TLP level; use "
                            + "clear, green, amber, amber+strict or red")));
        }
        java.time.Instant from = call.day("from").map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .orElse(null);
        java.time.Instant to = call.day("to").map(d -> d.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant().minusNanos(1000)).orElse(null);
        int limit = call.integer("limit", 20, 1, 100);
        org.vigil.store.SearchQuery.Position after = call.position().map(ObjectApi::position).orElse(null);
        ReadPath.SearchPage page = reads.search(call.principal(), words, new ReadPath.SearchFilter(
                call.queryAll("type"), markings, from, to, ids(call, "place", "location--"),
                ids(call, "source", "identity--")), after, limit, call.request());
        List<Result> results = page.found().stream().map(f -> new Result(f.id(), f.type(), f.name(),
                f.tlp() == null ? null : f.tlp().label(), f.modified().toString())).toList();
        String next = page.more() && !page.found().isEmpty() ? call.nextToken(
                page.found().get(page.found().size() - 1).position().modifiedMicros() + ":"
                        + page.found().get(page.found().size() - 1).position().row()) : null;
        return new Results(results, page.more(), next);
    }

    /** A filter's STIX ids, each checked, at most as many as the store takes. */
    private static List<String> ids(ApiCall call, String name, String example) {
        List<String> ids = call.queryAll(name).stream().map(String::trim).filter(v -> !v.isEmpty()).distinct()
                .toList();
        if (ids.size() > org.vigil.store.SearchQuery.MAX_FILTER_IDS) {
            throw ApiException.badRequest("at most " + org.vigil.store.SearchQuery.MAX_FILTER_IDS + " " + name
                    + " parameters may be given");
        }
        for (String id : ids) {
            if (Identifier.problem(id) != null) {
                throw ApiException.badRequest("the " + name + " '" + id + "' is not a STIX id; give one such as "
                        + example + "4b1e0a44-9e8d-4a43-9f5e-0c8f0c0a7b11");
            }
        }
        return ids;
    }

    private static org.vigil.store.SearchQuery.Position position(String s) {
        String[] parts = s.split(":");
        return new org.vigil.store.SearchQuery.Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** The object, the objects it references or is related to (that the caller may see), and the links. */
    private Neighbourhood neighbours(ApiCall call) {
        Principal p = call.principal();
        StixObject o = find(call, p);
        List<Link> outgoing = new ArrayList<>();
        List<Link> incoming = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        links(call, p, o, outgoing, incoming, names);
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put(o.id(), new Node(o.id(), o.type(), label(o), tlp(o)));
        List<Edge> edges = new ArrayList<>();
        for (Link l : outgoing) {
            nodes.putIfAbsent(l.id(), new Node(l.id(), l.type(), l.name(), null));
            edges.add(new Edge(edgeId(l, o.id(), l.id()), o.id(), l.id(), l.relationship() != null
                    ? l.relationship() : l.via()));
        }
        for (Link l : incoming) {
            nodes.putIfAbsent(l.id(), new Node(l.id(), l.type(), l.name(), null));
            edges.add(new Edge(edgeId(l, l.id(), o.id()), l.id(), o.id(), l.relationship() != null
                    ? l.relationship() : l.via()));
        }
        return new Neighbourhood(o.id(), List.copyOf(nodes.values()), edges);
    }

    /**
     * For a report that carries its article as a text artifact: the text, and the sentences each referenced
     * object the reader may see came from (their provenance), plus the known objects the article mentions.
     */
    private ArticleText article(ApiCall call, Principal p, StixObject report) {
        String artifactId = null;
        String text = null;
        List<StixObject> referenced = new ArrayList<>();
        // Extraction may name the article's artifact in its provenance extension (text_ref) rather than in refs.
        List<String> refs = new ArrayList<>(report.texts("object_refs"));
        report.property("extensions").map(e -> e.path(org.vigil.extract.Provenance.EXTENSION_ID).path("text_ref"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(t -> !refs.contains(t))
                .ifPresent(t -> refs.add(0, t));
        for (String ref : refs) {
            if (Identifier.problem(ref) != null) {
                continue;
            }
            Optional<StixObject> o = reads.object(p, ref, call.request()).map(ReleasedObject::object);
            if (o.isEmpty()) {
                continue;
            }
            Optional<String> t = text == null ? IngestApi.articleText(o.get()) : Optional.empty();
            if (t.isPresent()) {
                artifactId = ref;
                text = t.get();
            } else {
                referenced.add(o.get());
            }
        }
        if (text == null) {
            return null;
        }
        String article = text;
        List<Highlight> highlights = new ArrayList<>();
        Map<String, StixObject> byId = new LinkedHashMap<>();
        referenced.forEach(o -> byId.put(o.id(), o));
        for (StixObject o : referenced) {
            for (org.vigil.extract.Provenance.Source s : org.vigil.extract.Provenance.sources(o)) {
                add(highlights, s.start(), s.end(), o, text.length());
            }
        }
        report.property("extensions").map(e -> e.path(org.vigil.extract.Provenance.EXTENSION_ID).path("mentions"))
                .ifPresent(mentions -> mentions.forEach(m -> {
                    StixObject o = byId.get(m.path("object_ref").asText());
                    if (o != null) {
                        add(highlights, m.path("start").asInt(), m.path("end").asInt(), o, article.length());
                    }
                }));
        highlights.sort(java.util.Comparator.comparingInt(Highlight::start).thenComparingInt(Highlight::end));
        return new ArticleText(artifactId, text, highlights);
    }

    private static void add(List<Highlight> out, int start, int end, StixObject o, int length) {
        if (start >= 0 && end > start && end <= length) {
            out.add(new Highlight(start, end, o.id(), o.type(), label(o)));
        }
    }

    private static String edgeId(Link l, String from, String to) {
        return l.via().startsWith("relationship--") ? l.via() : from + "|" + l.via() + "|" + to;
    }

    /**
     * The object's own references (every *_ref and *_refs property, markings and creator left out) that the
     * caller may see, and the relationships both ways.
     */
    private void links(ApiCall call, Principal p, StixObject o, List<Link> outgoing, List<Link> incoming,
                       Map<String, String> names) {
        for (String prop : o.propertyNames()) {
            if (prop.equals("object_marking_refs") || prop.equals("created_by_ref")
                    || !(prop.endsWith("_ref") || prop.endsWith("_refs"))) {
                continue;
            }
            List<String> refs = prop.endsWith("_refs") ? o.texts(prop) : List.of(o.text(prop));
            for (String ref : refs) {
                visibleName(call, p, ref, names).ifPresent(n -> outgoing.add(new Link(ref, type(ref), n, prop,
                        null)));
            }
        }
        for (ReleasedObject r : reads.referencing(p, o.id(), MAX_RELATIONSHIPS, call.request())) {
            StixObject rel = r.object();
            if (!rel.type().equals("relationship") && !rel.type().equals("sighting")) {
                // A report, grouping, note... that names the object: a reference to it.
                incoming.add(new Link(rel.id(), rel.type(), label(rel), property(rel, o.id()), null));
                names.putIfAbsent(rel.id(), label(rel));
                continue;
            }
            boolean out = o.id().equals(rel.text("source_ref")) || o.id().equals(rel.text("sighting_of_ref"));
            String other = out ? (rel.type().equals("sighting") ? first(rel.texts("where_sighted_refs"))
                    : rel.text("target_ref")) : (rel.type().equals("sighting") ? rel.text("sighting_of_ref")
                    : rel.text("source_ref"));
            if (other == null) {
                continue;
            }
            String kind = rel.type().equals("sighting") ? "sighting" : rel.text("relationship_type");
            Optional<String> name = visibleName(call, p, other, names);
            if (name.isEmpty()) {
                continue;
            }
            (out ? outgoing : incoming).add(new Link(other, type(other), name.get(), rel.id(), kind));
        }
    }

    /** The property by which an object references {@code id}. */
    private static String property(StixObject o, String id) {
        for (String prop : o.propertyNames()) {
            if ((prop.endsWith("_ref") && id.equals(o.text(prop))) || (prop.endsWith("_refs")
                    && o.texts(prop).contains(id))) {
                return prop;
            }
        }
        return "references";
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** The other end's label if the caller may see it; an object they may not see is left out altogether. */
    private Optional<String> visibleName(ApiCall call, Principal p, String id, Map<String, String> names) {
        if (id == null || Identifier.problem(id) != null) {
            return Optional.empty();
        }
        String known = names.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> n = reads.object(p, id, call.request()).map(r -> label(r.object()));
        n.ifPresent(v -> names.put(id, v));
        return n;
    }

    private StixObject find(ApiCall call, Principal p) {
        String id = call.pathParam("id");
        String problem = Identifier.problem(id);
        if (problem != null) {
            throw ApiException.badRequest("'" + id + "' is not a STIX id (" + problem + "); give one like "
                    + "report--6f9b3c2e-0d4a-4a8e-9b1f-2c3d4e5f6a7b");
        }
        return reads.object(p, id, call.request()).map(ReleasedObject::object)
                .orElseThrow(() -> ApiException.notFound("object " + id));
    }

    static String type(String id) {
        int i = id.indexOf("--");
        return i < 0 ? id : id.substring(0, i);
    }

    /** A short label: the name, else another identifying property, else the id. */
    static String label(StixObject o) {
        for (String prop : List.of("name", "value", "relationship_type", "pattern", "path", "key")) {
            String v = o.text(prop);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return o.id();
    }

    /** The TLP the object is marked with, as FIRST writes it, or null when unmarked. */
    static String tlp(StixObject o) {
        return Tlp.mostRestrictiveOf(o.texts("object_marking_refs")).map(Tlp::label).orElse(null);
    }
}
