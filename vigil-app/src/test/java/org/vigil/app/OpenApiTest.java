package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;

/**
 * The OpenAPI document at /api/v1/openapi.json describes the TAXII endpoints and Vigil's own API as they really
 * answer: each real answer below is checked against the schema the document gives for its path, method, status
 * and media type.
 */
class OpenApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** An analyst who reads and writes the collection "shared", and the OpenAPI document the server gives. */
    private record Served(TestVigil.Account ana, UUID shared, JsonNode document) {
    }

    private static Served serve(TestVigil vigil) throws Exception {
        vigil.org("Agency", true);
        TestVigil.Account ana = vigil.user("ana", "Agency", "analyst");
        UUID shared = vigil.collection("Shared", "shared");
        vigil.grant(shared, ana, "read");
        vigil.grant(shared, ana, "write");
        vigil.start();
        JsonNode doc = Taxii.JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create(vigil.base() + "/api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return new Served(ana, shared, doc);
    }

    @Test
    void everyTaxiiAnswerMatchesTheSchemaTheDocumentGivesForIt() throws Exception {
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir)) {
            Served served = serve(vigil);
            TestVigil.Account ana = served.ana();
            UUID shared = served.shared();
            JsonNode doc = served.document();
            Taxii taxii = vigil.as(ana);
            String id = "indicator--" + UUID.randomUUID();
            Taxii.Reply added = taxii.add(shared, indicator(id, "2026-12-06T10:00:00.000Z"),
                    indicator(id, "2026-12-06T11:00:00.000Z"));
            List<Taxii.Reply> answers = new ArrayList<>(List.of(added,
                    taxii.get("/taxii2/"),
                    taxii.get("/api1/"),
                    taxii.get(Taxii.status(added.json().path("id").asText())),
                    taxii.get(Taxii.collections()),
                    taxii.get(Taxii.collection(shared)),
                    taxii.get(Taxii.objects(shared), "limit", "1"),
                    taxii.get(Taxii.object(shared, id)),
                    taxii.get(Taxii.versions(shared, id)),
                    taxii.get(Taxii.manifest(shared)),
                    taxii.get(Taxii.collection(UUID.randomUUID())),
                    vigil.anonymous().authorization("Bearer not-a-token").get(Taxii.collections())));
            List<String> problems = new ArrayList<>();
            for (Taxii.Reply r : answers) {
                problems.addAll(check(doc, r));
            }
            assertEquals(List.of(), problems);
            assertTrue(answers.stream().anyMatch(r -> r.status() == 404) && answers.stream()
                    .anyMatch(r -> r.status() == 401), "errors are checked too");
        }
    }

    @Test
    void everyApiV1AnswerMatchesTheSchemaTheDocumentGivesForIt() throws Exception {
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir)) {
            Served served = serve(vigil);
            TestVigil.Account ana = served.ana();
            UUID shared = served.shared();
            JsonNode doc = served.document();
            String id = "indicator--" + UUID.randomUUID();
            assertEquals(202, vigil.as(ana).add(shared, indicator(id, "2026-12-06T10:00:00.000Z")).status());
            URI base = vigil.base();
            String token = ana.bearer();
            Taxii.Reply hook = api(base, token, "POST", "/api/v1/webhooks",
                    "{\"url\": \"http://127.0.0.1:9/hooks\", \"collections\": [\"shared\"]}");
            String hookId = hook.json().path("id").asText();
            List<Taxii.Reply> answers = new ArrayList<>(List.of(hook,
                    api(base, token, "GET", "/api/v1/webhooks", null),
                    api(base, token, "GET", "/api/v1/webhooks/" + hookId, null),
                    api(base, token, "DELETE", "/api/v1/webhooks/" + hookId, null),
                    api(base, token, "GET", "/api/v1/webhooks/" + hookId, null),
                    api(base, null, "GET", "/api/v1/webhooks", null),
                    api(base, token, "POST", "/api/v1/webhooks", "{\"url\": 7}"),
                    api(base, token, "GET", "/api/v1/objects/" + id, null),
                    api(base, token, "GET", "/api/v1/objects/indicator--" + UUID.randomUUID(), null),
                    api(base, token, "GET", "/api/v1/objects/" + id + "/neighbours", null),
                    api(base, token, "GET", "/api/v1/search?q=described", null),
                    api(base, token, "GET", "/api/v1/upticks?from=2026-12-01&to=2026-12-06", null),
                    api(base, token, "GET", "/api/v1/upticks?from=yesterday", null),
                    api(base, token, "GET", "/api/v1/events", null),
                    api(base, token, "GET", "/api/v1/events/vigil-event--" + UUID.randomUUID() + "/picture", null),
                    api(base, token, "POST", "/api/v1/screen", "{\"names\": [\"Jane Doe\"]}"),
                    api(base, token, "GET", "/api/v1/alerts", null),
                    api(base, token, "GET", "/api/v1/alerts/" + UUID.randomUUID(), null)));
            List<String> problems = new ArrayList<>();
            for (Taxii.Reply r : answers) {
                problems.addAll(check(doc, r));
            }
            assertEquals(List.of(), problems);
            for (int status : new int[] {200, 201, 400, 401, 404}) {
                assertTrue(answers.stream().anyMatch(r -> r.status() == status), "an answer " + status + " is checked");
            }
        }
    }

    /** A call to Vigil's own API, in JSON, with a bearer token unless {@code authorization} is null. */
    private static Taxii.Reply api(URI base, String authorization, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return Taxii.send(b);
    }

    /** What is wrong with one answer against the document; empty when it matches. */
    private static List<String> check(JsonNode doc, Taxii.Reply r) {
        String[] request = r.request().split(" ", 2);
        String path = URI.create(request[1]).getPath();
        JsonNode operation = operation(doc, request[0].toLowerCase(), path);
        if (operation == null) {
            return List.of(r.request() + ": no operation in the document");
        }
        JsonNode response = resolve(doc, operation.path("responses").path(Integer.toString(r.status())));
        if (response.isMissingNode()) {
            return List.of(r.request() + ": status " + r.status() + " is not documented");
        }
        String contentType = r.header("Content-Type").orElse("");
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("content").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> media = it.next();
            if (contentType.startsWith(media.getKey())) {
                List<String> out = new ArrayList<>();
                match(r.json(), media.getValue().path("schema"), doc, r.request(), out);
                return out;
            }
        }
        return List.of(r.request() + ": answered in " + contentType + ", not a documented media type");
    }

    private static JsonNode operation(JsonNode doc, String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String template = "\\Q" + e.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(template, path) && e.getValue().has(method)) {
                return e.getValue().get(method);
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : doc.at(ref.substring(1));
    }

    /** A small JSON Schema check: types, required properties, properties, items and enums. */
    private static void match(JsonNode value, JsonNode schema, JsonNode doc, String at, List<String> out) {
        schema = resolve(doc, schema);
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            out.add(at + ": " + value + " is not of type " + type);
            return;
        }
        if (schema.has("enum") && !schema.get("enum").toString().contains(value.toString())) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                out.add(at + ": lacks the required property " + name.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (value.has(p.getKey())) {
                match(value.get(p.getKey()), p.getValue(), doc, at + "." + p.getKey(), out);
            }
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                match(value.get(i), schema.get("items"), doc, at + "[" + i + "]", out);
            }
        }
    }

    private static StixObject indicator(String id, String modified) {
        return StixObject.builder("indicator", id).put("created", "2026-12-06T10:00:00.000Z")
                .put("modified", modified).put("name", "described").put("pattern", "[ipv4-addr:value = '198.51.100.9']")
                .put("pattern_type", "stix").put("valid_from", "2026-12-06T10:00:00.000Z").build();
    }
}
