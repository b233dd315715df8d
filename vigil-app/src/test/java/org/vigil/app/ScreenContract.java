package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.TestVigil.Account;
import org.vigil.screen.PersonDetails;
import org.vigil.screen.Watchlist;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;

/**
 * Screening over real HTTP ({@code POST /api/v1/screen}) and from the command line ({@code vigil screen}): who
 * matches whom, the answer's shape, refusals, and the audit record, on a hub where one organisation holds a person
 * of interest AMBER+STRICT and shares another as GREEN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScreenContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String UMAROV = "threat-actor--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    private static final String BASAYEV = "identity--5f1c1a2e-7d7c-4a53-9d6f-3b2f1c0e9a11";

    private TestVigil vigil;
    private Account colleague;
    private Account partner;

    abstract StoreKind store();

    @BeforeAll
    void shareTwoPersonsOfInterest(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Source", true);
        vigil.org("Partner", true);
        Account poster = vigil.user("poster", "Source", "analyst");
        colleague = vigil.user("colleague", "Source", "reader");
        partner = vigil.user("partner", "Partner", "reader");
        UUID shared = vigil.collection("Shared", "shared");
        vigil.grant(shared, poster, "write");
        for (Account a : List.of(poster, colleague, partner)) {
            vigil.grant(shared, a, "read");
        }
        vigil.start();
        var reply = vigil.as(poster).add(shared, List.of(umarov(poster.organisationIdentity()),
                basayev(poster.organisationIdentity())));
        assertEquals(2, reply.json().path("success_count").asInt(), reply::toString);
    }

    @AfterAll
    void close() {
        vigil.close();
    }

    private static StixObject umarov(String source) {
        ObjectNode extensions = StixJson.newObjectNode();
        extensions.set(PersonDetails.EXTENSION_ID, PersonDetails.entry("1964-04-13", "RU"));
        return StixObject.builder("threat-actor", UMAROV).put("created_by_ref", source)
                .put("created", "2026-05-01T08:00:00.000Z").put("modified", "2026-05-01T08:00:00.000Z")
                .put("name", "Dokka Umarov").put("aliases", List.of("Доку Умаров")).put("resource_level", "individual")
                .put("threat_actor_types", List.of("terrorist")).put("object_marking_refs", List.of(Stix.AMBER_STRICT))
                .put("extensions", extensions).build();
    }

    private static StixObject basayev(String source) {
        return StixObject.builder("identity", BASAYEV).put("created_by_ref", source)
                .put("created", "2026-05-01T08:00:00.000Z").put("modified", "2026-05-01T08:00:00.000Z")
                .put("name", "Shamil Basayev").put("identity_class", "individual")
                .put("labels", List.of(Watchlist.LABEL)).put("object_marking_refs", List.of(Stix.GREEN)).build();
    }

    private record Answer(int status, String contentType, JsonNode json) {
    }

    private Answer screen(Account who, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(vigil.base() + "/api/v1/screen"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (who != null) {
            r.header("Authorization", who.bearer());
        }
        try {
            HttpResponse<String> resp = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""),
                    Taxii.JSON.readTree(resp.body()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("POST /api/v1/screen failed: " + e, e);
        }
    }

    private static List<String> matchedIds(JsonNode result) {
        List<String> ids = new java.util.ArrayList<>();
        result.path("matches").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    @Test
    void theSourceOrganisationMatchesItsAmberStrictPersonAcrossScripts() {
        Answer a = screen(colleague, "{\"names\": [\"Доку Умаров\", {\"name\": \"Chamil Bassaev\"}, \"Jane Doe\"]}");
        assertEquals(200, a.status(), a::toString);
        assertTrue(a.contentType().startsWith("application/json"), a.contentType());
        JsonNode results = a.json().path("results");
        assertEquals(3, results.size());
        assertEquals("Доку Умаров", results.get(0).path("query").asText());
        assertEquals(List.of(UMAROV), matchedIds(results.get(0)));
        JsonNode m = results.get(0).path("matches").get(0);
        assertEquals("Dokka Umarov", m.path("name").asText());
        assertTrue(m.path("score").asDouble() >= 0.88 && m.path("score").asDouble() <= 1.0, m.toString());
        assertTrue(m.path("why").asText().startsWith("Cyrillic Доку Умаров"), m.toString());
        assertEquals(List.of(BASAYEV), matchedIds(results.get(1)));
        assertEquals(List.of(), matchedIds(results.get(2)));
        assertEquals(0.88, a.json().path("threshold").asDouble());
    }

    @Test
    void anotherOrganisationNeverMatchesItEvenAtTheLowestThreshold() {
        Answer a = screen(partner, "{\"names\": [\"Доку Умаров\", \"Dokka Umarov\", \"Shamil Basayev\"], "
                + "\"threshold\": 0.5}");
        assertEquals(200, a.status(), a::toString);
        JsonNode results = a.json().path("results");
        assertFalse(a.json().toString().contains(UMAROV), a.json().toString());
        results.forEach(r -> r.path("matches").forEach(m ->
                assertFalse(m.path("name").asText().contains("Umarov"), m.toString())));
        assertEquals(List.of(BASAYEV), matchedIds(results.get(2)));
    }

    @Test
    void anAnonymousCallerSeesNoPersonOfAPrivateCollection() {
        Answer a = screen(null, "{\"names\": [\"Shamil Basayev\"]}");
        assertEquals(200, a.status(), a::toString);
        assertEquals(List.of(), matchedIds(a.json().path("results").get(0)));
    }

    @Test
    void aBirthDateYearsApartTakesTheMatchBelowTheThreshold() {
        Answer a = screen(colleague, "{\"names\": [{\"name\": \"Doku Umarov\", \"birth_date\": \"1990-01-01\"}]}");
        assertEquals(List.of(), matchedIds(a.json().path("results").get(0)), a.json().toString());
    }

    @Test
    void refusesMalformedAndUnacceptableBodiesInTheTaxiiErrorShape() {
        Answer notJson = screen(colleague, "{names: ");
        assertEquals(400, notJson.status());
        assertEquals("400", notJson.json().path("http_status").asText());
        assertFalse(notJson.json().path("description").asText().isEmpty());
        assertEquals(400, screen(colleague, "{\"name\": \"x\"}").status());
        assertEquals(400, screen(colleague, "{\"names\": [42]}").status());
        Answer threshold = screen(colleague, "{\"names\": [\"x\"], \"threshold\": 0.2}");
        assertEquals(422, threshold.status());
        assertTrue(threshold.json().path("description").asText().contains("from 0.5 to 1"), threshold.toString());
        Answer date = screen(colleague, "{\"names\": [{\"name\": \"x\", \"birth_date\": \"13/04/1964\"}]}");
        assertEquals(422, date.status());
        assertTrue(date.json().path("description").asText().contains("names[0]"), date.toString());
    }

    @Test
    void everyScreeningIsAuditedWithItsQuery() {
        screen(partner, "{\"names\": [\"Audited Name\"]}");
        List<AuditRecord> records = vigil.hub().audit.list(AuditQuery.all(1000).byActor(partner.id())).stream()
                .filter(r -> r.action().equals("screen") && r.detail().contains("[Audited Name]")).toList();
        assertEquals(1, records.size());
        assertEquals("POST /api/v1/screen", records.get(0).path());
    }

    @Test
    void theOpenApiDocumentDescribesIt() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(vigil.base() + "/api/v1/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(Taxii.JSON.readTree(r.body()).path("paths").has("/api/v1/screen"), r.body());
    }

    @Test
    void theCommandLineScreensAsTheUser(@TempDir Path dir) throws IOException {
        String own = vigil.cli("screen", "Доку Умаров", "--user", "colleague", "--format", "json").ok();
        assertTrue(own.contains(UMAROV), own);
        String other = vigil.cli("screen", "Доку Умаров", "--user", "partner").ok();
        assertEquals("Доку Умаров: no match", other);
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, "name,birth_date,nationality\n\"Umarov, Doku\",1964-04-13,ru\nShamil Basayev,,\n");
        String table = vigil.cli("screen", csv.toString(), "--user", "colleague", "--format", "csv").ok();
        assertTrue(table.startsWith("query,id,name,matched,score,why"), table);
        assertTrue(table.contains("\"Umarov, Doku\"," + UMAROV), table);
        assertTrue(table.contains("Shamil Basayev," + BASAYEV), table);
        TestVigil.Run bad = vigil.cli("screen", "x", "--user", "colleague", "--threshold", "2");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--threshold 2.0 is out of range"), bad.err());
    }
}
