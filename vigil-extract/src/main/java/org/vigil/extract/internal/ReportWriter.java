package org.vigil.extract.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Article;
import org.vigil.extract.Duplicate;
import org.vigil.extract.Extraction;
import org.vigil.extract.NearDuplicateIndex;
import org.vigil.extract.Provenance;
import org.vigil.extract.Quote;
import org.vigil.stix.Identifier;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * Assembles an article's bundle: the report (name, published, lead, references to everything extracted),
 * the extracted objects, relationships and notes, and Vigil's identity and extension-definition.
 */
public final class ReportWriter {

    private static final int MAX_NAME = 200;
    /** The media type of the article text a report keeps. */
    public static final String MIME_TYPE = "text/plain";
    public static final String ON_TOPIC = "vigil:relevance=on-topic";
    public static final String OFF_TOPIC = "vigil:relevance=off-topic";

    private ReportWriter() {
    }

    public static Extraction report(Article article, CleanText clean, String reportId, String timestamp,
                                    List<Sentence> sentences, EntityResolver.Result resolved,
                                    List<Relation> relations, List<QuoteFinder.Found> found, boolean onTopic) {
        StixWriter w = new StixWriter(clean.text(), timestamp, sentences);
        Map<String, StixObject> objects = new LinkedHashMap<>();
        Map<String, StixObject> known = new LinkedHashMap<>();
        ArrayNode mentions = StixJson.newObjectNode().arrayNode();
        for (Entity e : resolved.entities()) {
            List<Span> dateline = e == resolved.dateline() ? List.of(clean.dateline().span()) : List.of();
            StixObject o = w.entity(e, dateline);
            if (o != null) {
                objects.put(o.id(), o);
            } else {
                known.put(e.known().id(), e.known());
                e.mentions().forEach(m -> mentions.addObject().put("object_ref", e.known().id())
                        .put("start", m.start()).put("end", m.end()).put("sentence", m.sentence().text(clean.text())));
            }
        }
        for (Relation r : relations) {
            StixObject o = w.relationship(r);
            objects.putIfAbsent(o.id(), o);
        }
        List<Quote> quotes = notes(w, found, reportId, objects);
        StixObject text = clean.text().isEmpty() ? null : artifact(clean.text());
        List<String> refs = new ArrayList<>();
        if (text != null) {
            refs.add(text.id());
        }
        objects.values().forEach(o -> refs.add(o.id()));
        refs.addAll(known.keySet());
        ObjectNode extra = StixJson.newObjectNode();
        if (text != null) {
            extra.put("text_ref", text.id());
        }
        extra.put("fingerprint", NearDuplicateIndex.fingerprint(clean.story()));
        if (resolved.dateline() != null) {
            extra.put("dateline_ref", w.id(resolved.dateline()));
        }
        if (!mentions.isEmpty()) {
            extra.set("mentions", mentions);
        }
        StixObject report = report(w, article, clean, reportId, timestamp, refs, sentences, extra, onTopic);
        List<StixObject> all = new ArrayList<>(List.of(Provenance.vigilIdentity(), Provenance.extensionDefinition(), report));
        if (text != null) {
            all.add(text);
        }
        all.addAll(objects.values());
        all.addAll(known.values());
        return new Extraction(report, all, quotes, clean.text(), Optional.empty());
    }

    /** A near-duplicate adds no entities of its own: only its report and a duplicate-of link to the first. */
    public static Extraction duplicate(Article article, CleanText clean, String reportId, String timestamp,
                                       Duplicate first) {
        StixWriter w = new StixWriter(clean.text(), timestamp, List.of());
        String relId = StixWriter.deterministic("relationship", reportId + "|duplicate-of|" + first.reportId());
        StixObject link = w.start("relationship", relId)
                .put("relationship_type", "duplicate-of")
                .put("description", String.format(Locale.ROOT,
                        "Near-duplicate story: %.0f%% of the shorter story's word 5-shingles are in the other "
                                + "(resemblance %.2f), by a sample of one shingle in eight",
                        100 * first.containment(), first.resemblance()))
                .put("source_ref", reportId)
                .put("target_ref", first.reportId())
                .build();
        StixObject text = artifact(clean.text());
        ObjectNode extra = StixJson.newObjectNode().put("text_ref", text.id());
        StixObject report = report(w, article, clean, reportId, timestamp, List.of(relId, text.id()), List.of(), extra,
                Relevance.onTopic(clean.story()));
        return new Extraction(report, List.of(Provenance.vigilIdentity(), Provenance.extensionDefinition(), report, link, text),
                List.of(), clean.text(), Optional.of(first));
    }

    /**
     * The article's cleaned text as a STIX artifact (text/plain, UTF-8, base64): the text every provenance
     * offset of the bundle points into. Its id is the deterministic one STIX gives an artifact by its payload.
     * It carries no marking of its own, as the report carries none: both take the collection's, so the text is
     * shared exactly as far as its report is.
     */
    static StixObject artifact(String text) {
        String payload = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String id = Identifier.deterministic("artifact", Identifier.SCO_NAMESPACE, "{\"payload_bin\":\"" + payload + "\"}");
        return StixObject.builder("artifact", id).put("mime_type", MIME_TYPE).put("payload_bin", payload).build();
    }

    private static List<Quote> notes(StixWriter w, List<QuoteFinder.Found> found, String reportId,
                                     Map<String, StixObject> objects) {
        List<Quote> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (QuoteFinder.Found q : found) {
            String speakerId = q.speaker() == null ? "" : w.id(q.speaker());
            if (!seen.add(speakerId + "|" + Names.key(q.text()))) {
                continue;
            }
            String id = StixWriter.deterministic("note", reportId + "|" + speakerId + "|" + Names.key(q.text()));
            objects.put(id, w.note(id, q.text(), q.speaker(), reportId, q.segments()));
            out.add(new Quote(q.text(), q.speaker() == null ? null : q.speaker().name(),
                    q.speaker() == null ? null : speakerId,
                    q.segments().stream().map(s -> new Quote.Piece(s.start(), s.end())).toList(), id));
        }
        return out;
    }

    private static StixObject report(StixWriter w, Article article, CleanText clean, String reportId, String timestamp,
                                     List<String> refs, List<Sentence> sentences, ObjectNode extra, boolean onTopic) {
        List<Span> body = clean.body();
        List<Span> lead = body.isEmpty() ? List.of() : List.of(body.get(0));
        StixObject.Builder b = w.start("report", reportId)
                .put("name", name(article, clean, sentences))
                .put("description", clean.lead().isEmpty() ? null : clean.lead())
                // report-type-ov: an article about security is a threat report; any other only characterises
                // the people and organisations it names. The label says so in words the threat picture filters on.
                .put("report_types", List.of(onTopic ? "threat-report" : "identity"))
                .put("labels", List.of(onTopic ? ON_TOPIC : OFF_TOPIC))
                .put("published", timestamp)
                // STIX requires object_refs to be non-empty; an article with nothing in it refers to its producer.
                .put("object_refs", refs.isEmpty() ? List.of(Provenance.VIGIL_IDENTITY_ID) : refs)
                .put("lang", "en");
        ArrayNode external = externalReferences(article);
        if (external != null) {
            b.put("external_references", external);
        }
        if (!lead.isEmpty()) {
            b.put("extensions", w.extension(lead, extra));
        }
        return b.build();
    }

    private static String name(Article article, CleanText clean, List<Sentence> sentences) {
        String name = article.title();
        if (name == null || name.isBlank()) {
            name = clean.headlineText();
        }
        if (name == null || name.isBlank()) {
            name = !sentences.isEmpty() ? sentences.get(0).text(clean.text()) : clean.lead();
        }
        name = Names.squash(name);
        if (name.isEmpty()) {
            return "Untitled article";
        }
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1).trim() + "…";
    }

    private static ArrayNode externalReferences(Article article) {
        if (article.url() == null && article.source() == null) {
            return null;
        }
        ArrayNode list = StixJson.newObjectNode().arrayNode();
        ObjectNode ref = list.addObject();
        ref.put("source_name", article.source() != null ? article.source() : host(article.url()));
        if (article.url() != null) {
            ref.put("url", article.url());
        } else {
            ref.put("description", "The outlet that published the article");
        }
        return list;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null ? host : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
