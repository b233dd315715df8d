package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/** Every endpoint of docs/taxii-2.1.md answers as the notes say, over HTTP, on each store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaxiiEndpointsContract {

    private TestVigil vigil;
    private Account alice;
    private Account bob;
    private UUID intel;
    private UUID hidden;

    abstract StoreKind store();

    @BeforeAll
    void startVigil(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Acme", true);
        alice = vigil.user("alice", "Acme", "analyst", "correct horse battery staple");
        bob = vigil.user("bob", "Acme", "analyst");
        intel = vigil.collection("Intel", "intel");
        hidden = vigil.collection("Hidden", "hidden");
        vigil.grant(intel, alice, "read");
        vigil.grant(intel, alice, "write");
        vigil.grant(intel, bob, "read");
        vigil.start();
    }

    @AfterAll
    void stopVigil() {
        vigil.close();
    }

    private Taxii alice() {
        return vigil.as(alice);
    }

    private static JsonNode ok(Reply r) {
        assertEquals(200, r.status(), r::toString);
        assertEquals(Taxii.MEDIA_TYPE, r.header("Content-Type").orElse(null), r::toString);
        return r.json();
    }

    @Test
    void discoveryNamesTheApiRootAndMakesItTheDefault() {
        JsonNode d = ok(vigil.anonymous().get("/taxii2/"));
        assertEquals("Vigil", d.path("title").asText());
        String root = vigil.base() + "/api1/";
        assertEquals(List.of(root), texts(d.path("api_roots")));
        assertEquals(root, d.path("default").asText());
    }

    @Test
    void apiRootStatesItsVersionsAndMaxContentLength() {
        JsonNode r = ok(alice().get(Taxii.ROOT));
        assertFalse(r.path("title").asText().isEmpty(), r::toString);
        assertEquals(List.of(Taxii.MEDIA_TYPE), texts(r.path("versions")));
        assertEquals(104_857_600, r.path("max_content_length").asLong());
    }

    @Test
    void collectionsListsOnlyTheCollectionsTheCallerMayReadOrWrite() {
        JsonNode list = ok(vigil.as(bob).get(Taxii.collections())).path("collections");
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(Set.of(intel.toString(), Installation.ORGANISATIONS.toString(),
                org.vigil.alerts.AlertSchema.PUBLISHED.toString()), Set.copyOf(ids),
                "Intel, the organisations every user reads and the public travel alerts; not Hidden");
        assertEquals(3, ids.size(), ids::toString);
        assertFalse(ids.contains(hidden.toString()));
    }

    @Test
    void collectionStatesWhatTheCallerMayDoWithIt() {
        JsonNode c = ok(alice().get(Taxii.collection(intel)));
        assertEquals(intel.toString(), c.path("id").asText());
        assertEquals("Intel", c.path("title").asText());
        assertEquals("intel", c.path("alias").asText());
        assertTrue(c.path("can_read").asBoolean());
        assertTrue(c.path("can_write").asBoolean());
        assertEquals(List.of("application/stix+json;version=2.1"), texts(c.path("media_types")));
        JsonNode forBob = ok(vigil.as(bob).get(Taxii.collection(intel)));
        assertTrue(forBob.path("can_read").asBoolean());
        assertFalse(forBob.path("can_write").asBoolean());
    }

    @Test
    void postedObjectsComeBackInTheOrderTheyWereAdded() {
        UUID c = freshCollection("Ordered");
        List<StixObject> objects = List.of(Stix.indicator("first"), Stix.malware("second"), Stix.indicator("third"));
        Reply posted = alice().add(c, objects);
        assertEquals(202, posted.status(), posted::toString);
        JsonNode status = posted.json();
        assertEquals("complete", status.path("status").asText());
        assertEquals(3, status.path("total_count").asInt());
        assertEquals(3, status.path("success_count").asInt());
        assertEquals(0, status.path("failure_count").asInt());
        assertEquals(0, status.path("pending_count").asInt());
        JsonNode page = ok(alice().get(Taxii.objects(c)));
        assertFalse(page.path("more").asBoolean());
        assertFalse(page.has("next"));
        List<JsonNode> got = new ArrayList<>();
        page.path("objects").forEach(got::add);
        assertEquals(objects.stream().map(o -> o.with("created_by_ref", alice.organisationIdentity()).json()).toList(),
                got, "the objects as posted (with the poster's organisation as their source), oldest first");
    }

    @Test
    void objectEndpointServesTheNewestVersionAndAllVersionsOnRequest() {
        UUID c = freshCollection("Versions");
        String id = Stix.newId("indicator");
        alice().add(c, Stix.indicator(id, "v1", 1), Stix.indicator(id, "v2", 2), Stix.indicator(id, "v3", 3));
        Reply latest = alice().get(Taxii.object(c, id));
        assertEquals(List.of(id), ok(latest).path("objects").findValuesAsText("id"));
        assertEquals(Stix.time(3), ok(latest).path("objects").get(0).path("modified").asText());
        assertTrue(latest.header("X-TAXII-Date-Added-First").isPresent(), latest::toString);
        JsonNode all = ok(alice().get(Taxii.object(c, id), "match[version]", "all"));
        assertEquals(List.of(Stix.time(1), Stix.time(2), Stix.time(3)),
                all.path("objects").findValuesAsText("modified"));
        JsonNode versions = ok(alice().get(Taxii.versions(c, id)));
        assertEquals(instants(Stix.time(1), Stix.time(2), Stix.time(3)), instants(texts(versions.path("versions"))));
        assertFalse(versions.path("more").asBoolean());
    }

    @Test
    void manifestDescribesEachObjectWithoutItsContent() {
        UUID c = freshCollection("Manifest");
        StixObject o = Stix.indicator("listed");
        alice().add(c, o);
        Reply r = alice().get(Taxii.manifest(c));
        JsonNode row = ok(r).path("objects").get(0);
        assertEquals(o.id(), row.path("id").asText());
        assertEquals(Instant.parse(Stix.time(1)), Instant.parse(row.path("version").asText()));
        assertEquals("application/stix+json;version=2.1", row.path("media_type").asText());
        assertEquals(r.header("X-TAXII-Date-Added-First").orElseThrow(), row.path("date_added").asText());
        assertEquals(r.header("X-TAXII-Date-Added-Last").orElseThrow(), row.path("date_added").asText());
        assertFalse(row.has("name"), "a manifest carries no object content");
    }

    @Test
    void deleteRemovesTheMatchingVersionsOnly() {
        UUID c = freshCollection("Delete");
        String id = Stix.newId("indicator");
        alice().add(c, Stix.indicator(id, "v1", 1), Stix.indicator(id, "v2", 2));
        Reply deleted = alice().delete(Taxii.object(c, id), "match[version]", Stix.time(1));
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(instants(Stix.time(2)), instants(texts(ok(alice().get(Taxii.versions(c, id))).path("versions"))));
        assertEquals(200, alice().delete(Taxii.object(c, id), "match[version]", "all").status());
        assertEquals(404, alice().get(Taxii.object(c, id)).status());
        assertEquals(404, alice().get(Taxii.versions(c, id)).status());
    }

    @Test
    void statusOfAnAddIsStoredAndSurvivesARestart() {
        UUID c = freshCollection("Status");
        Reply posted = alice().add(c, Stix.indicator("kept"), Stix.indicator("also kept"));
        JsonNode status = posted.json();
        String statusId = status.path("id").asText();
        assertEquals(status, ok(alice().get(Taxii.status(statusId))));
        vigil.restart();
        assertEquals(status, ok(alice().get(Taxii.status(statusId))), "the same status after a restart");
        assertEquals(2, status.path("successes").size());
    }

    @Test
    void statusIsOnlyForTheUserWhoAdded() {
        Reply posted = alice().add(intel, Stix.indicator("mine"));
        String statusId = posted.json().path("id").asText();
        Reply asBob = vigil.as(bob).get(Taxii.status(statusId));
        assertEquals(404, asBob.status(), asBob::toString);
        assertEquals(404, vigil.as(bob).get(Taxii.status(UUID.randomUUID().toString())).status());
    }

    @Test
    void httpBasicAuthenticationWorksAsWellAsTokens() {
        JsonNode c = ok(vigil.anonymous().basic("alice", "correct horse battery staple").get(Taxii.collection(intel)));
        assertTrue(c.path("can_write").asBoolean());
    }

    private UUID freshCollection(String title) {
        UUID c = vigil.collection(title, title.toLowerCase());
        vigil.grant(c, alice, "read");
        vigil.grant(c, alice, "write");
        return c;
    }

    /** Timestamps as instants: TAXII writes versions with six fraction digits, STIX objects often with three. */
    static List<Instant> instants(List<String> timestamps) {
        return timestamps.stream().map(Instant::parse).toList();
    }

    static List<Instant> instants(String... timestamps) {
        return instants(List.of(timestamps));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
