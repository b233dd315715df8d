package org.vigil.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;
import org.vigil.extract.Article;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.Provenance;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;
import org.vigil.store.ApiRoot;
import org.vigil.store.Status;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiResponse;
import org.vigil.taxii.api.ApiV1;

/**
 * Ingest from the UI under /api/v1/ingest/: an article is extracted for review (nothing is stored), then published
 * with the entities the analyst rejected left out and the names they corrected, through the write path, into a
 * collection they may write. The cleaned article text goes with the report as an artifact, so the object view can
 * show each entity where it was found.
 */
public final class IngestApi {

    /** The longest article accepted, in characters. */
    static final int MAX_TEXT = 200_000;

    private final ReadPath reads;
    private final WritePath writes;
    private final Supplier<Extractor> extractor;

    public IngestApi(ReadPath reads, WritePath writes, Supplier<Extractor> extractor) {
        this.reads = reads;
        this.writes = writes;
        this.extractor = extractor;
    }

    public void install(ApiV1 api) {
        api.get("/ingest/collections", this::collections);
        api.post("/ingest/preview", this::preview);
        api.post("/ingest/publish", this::publish);
    }

    record Target(String api_root, String id, String title) {
    }

    private Map<String, List<Target>> collections(ApiCall call) {
        return Map.of("collections", writable(call));
    }

    private List<Target> writable(ApiCall call) {
        List<Target> out = new ArrayList<>();
        if (call.principal().isAnonymous()) {
            return out;
        }
        for (ApiRoot root : reads.apiRoots()) {
            for (CollectionView v : reads.collections(call.principal(), root.name(), call.request())) {
                if (v.canWrite()) {
                    out.add(new Target(root.name(), v.collection().id().toString(), v.collection().title()));
                }
            }
        }
        return out;
    }

    record Entity(String id, String type, String name, List<Provenance.Source> sources) {
    }

    record Preview(String report_id, String title, String text, List<Entity> entities) {
    }

    private Preview preview(ApiCall call) {
        signedIn(call);
        Extraction x = extract(call.body());
        List<Entity> entities = new ArrayList<>();
        for (StixObject o : x.objects()) {
            if (reviewable(o)) {
                entities.add(new Entity(o.id(), o.type(), ObjectApi.label(o), Provenance.sources(o)));
            }
        }
        return new Preview(x.report().id(), x.report().text("name"), x.cleanedText(), entities);
    }

    /** What an analyst reviews: what the article names, not the report, its relationships or Vigil's own. */
    private static boolean reviewable(StixObject o) {
        return !o.type().equals("report") && !o.type().equals("relationship") && !o.type().equals("artifact")
                && !o.type().equals("extension-definition")
                && !o.type().equals("note") && !Publisher.IDENTITY_ID.equals(o.id());
    }

    record Published(String report_id, long stored, long refused, List<String> problems) {
    }

    private ApiResponse publish(ApiCall call) {
        Principal p = signedIn(call);
        JsonNode body = call.body();
        String apiRoot = body.path("api_root").asText("");
        UUID collection;
        try {
            collection = UUID.fromString(body.path("collection").asText(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("collection must be the id of a collection you may write; list them at "
                    + "/api/v1/ingest/collections");
        }
        CollectionView view = reads.collection(p, apiRoot, collection).filter(CollectionView::canWrite)
                .orElseThrow(() -> ApiException.notFound("writable collection " + collection + " in " + apiRoot));
        Extraction x = extract(body);
        Set<String> rejected = new HashSet<>();
        body.path("rejected").forEach(n -> rejected.add(n.asText()));
        Map<String, String> names = new LinkedHashMap<>();
        body.path("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        String identity = p.organisationIdentity();
        // Extraction may already keep the article as an artifact; otherwise the report gets one here.
        StixObject article = x.objects().stream().filter(o -> o.type().equals("artifact")).findFirst()
                .orElse(artifact(x.cleanedText()));
        List<WritePath.Item> items = new ArrayList<>();
        if (x.objects().stream().noneMatch(o -> o.id().equals(article.id()))) {
            items.add(WritePath.Item.of(article));
        }
        List<StixObject> all = new ArrayList<>(x.objects());
        if (all.stream().noneMatch(o -> o.id().equals(x.report().id()))) {
            all.add(x.report());
        }
        for (StixObject o : all) {
            if (Publisher.IDENTITY_ID.equals(o.id()) || o.type().equals("extension-definition")
                    || rejected.contains(o.id()) || refersTo(o, rejected)) {
                continue;
            }
            StixObject kept = o;
            if (o.type().equals("report")) {
                List<String> refs = new ArrayList<>(o.texts("object_refs").stream()
                        .filter(r -> !rejected.contains(r)).toList());
                if (!refs.contains(article.id())) {
                    refs.add(article.id());
                }
                var array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                refs.forEach(array::add);
                kept = kept.with("object_refs", array);
            }
            String name = names.get(o.id());
            if (name != null && !name.isBlank() && o.has("name")) {
                kept = kept.with("name", name.trim());
            }
            if (Publisher.IDENTITY_ID.equals(kept.text("created_by_ref")) && identity != null) {
                kept = kept.with("created_by_ref", identity);
            }
            items.add(WritePath.Item.of(kept));
        }
        Status s = writes.add(p, view, items, call.request());
        return ApiResponse.created(new Published(x.report().id(), s.successCount(), s.failureCount(),
                s.failures().stream().map(f -> f.id() + ": " + f.message()).toList()));
    }

    private static boolean refersTo(StixObject o, Set<String> rejected) {
        return o.type().equals("relationship") && (rejected.contains(o.text("source_ref"))
                || rejected.contains(o.text("target_ref")));
    }

    /** The cleaned article text as a STIX artifact, its id derived from the text as STIX asks of SCOs. */
    static StixObject artifact(String text) {
        String payload = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return StixObject.builder("artifact", Identifier.deterministic("artifact", Publisher.NAMESPACE, payload))
                .put("mime_type", "text/plain").put("payload_bin", payload).build();
    }

    private Extraction extract(JsonNode body) {
        String text = body.path("text").asText("");
        if (text.isBlank()) {
            throw ApiException.badRequest("text must hold the article to extract; it is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.unprocessable("the article is " + text.length() + " characters; the most is "
                    + MAX_TEXT + "; split it");
        }
        Article a = Article.of(text);
        String title = body.path("title").asText("");
        if (!title.isBlank()) {
            a = a.withTitle(title.trim());
        }
        String published = body.path("published").asText("");
        if (!published.isBlank()) {
            try {
                a = a.withPublished(Instant.parse(published));
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("published '" + published + "' is not an instant; write it like "
                        + "2014-02-07T09:00:00Z");
            }
        }
        return extractor.get().extract(a);
    }

    private static Principal signedIn(ApiCall call) {
        Principal p = call.principal();
        if (p.isAnonymous()) {
            throw new ApiException(401, "Unauthorized", "sign in to extract and publish articles");
        }
        return p;
    }

    static Optional<String> articleText(StixObject artifact) {
        if (!artifact.type().equals("artifact") || !String.valueOf(artifact.text("mime_type")).startsWith("text/")
                || artifact.text("payload_bin") == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(artifact.text("payload_bin")),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
