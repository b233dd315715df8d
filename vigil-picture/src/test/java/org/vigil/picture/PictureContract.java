package org.vigil.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Organisation;
import org.vigil.store.StoreConfig;

/**
 * The threat picture over real HTTP, run on SQLite and PostgreSQL: upticks where reporting rose, duplicates and
 * hidden reporting never counted, and the API's conventions.
 *
 * <p>The hub holds three months of quiet reporting about Sochi, Adler and Kyiv, then: on 7 February 2014 a burst of
 * AMBER+STRICT reports about Adler from one agency; on 8 February twelve syndicated copies of one story about
 * Sochi; on 9 February a burst about Kyiv in a public collection, half of it CLEAR and half AMBER.
 */
abstract class PictureContract {

    private static final LocalDate HISTORY = LocalDate.of(2013, 11, 1);
    private static final LocalDate QUIET_UNTIL = LocalDate.of(2014, 2, 6);

    PictureHub hub;
    PictureHub.Account alice;
    PictureHub.Account bob;
    Collection reporting;
    Collection open;
    String russia = "location--" + UUID.randomUUID();
    String sochi = "location--" + UUID.randomUUID();
    String adler = "location--" + UUID.randomUUID();
    String kyiv = "location--" + UUID.randomUUID();
    String actor = "threat-actor--" + UUID.randomUUID();
    final List<String> adlerBurst = new ArrayList<>();

    abstract StoreConfig newConfig();

    @BeforeEach
    void fillHub() {
        hub = new PictureHub(newConfig());
        Organisation agency = hub.organisation("Agency");
        Organisation partner = hub.organisation("Partner");
        alice = hub.user("alice", agency);
        bob = hub.user("bob", partner);
        reporting = hub.collection("Reporting", false, Tlp.AMBER);
        open = hub.collection("Open", true, Tlp.CLEAR);
        hub.grant(alice, reporting, true, true);
        hub.grant(bob, reporting, true, true);
        hub.grant(alice, open, true, true);
        hub.post(alice, reporting, List.of(location(russia, "Russia", "RU", null), location(sochi, "Sochi", "RU", 43.6),
                location(adler, "Adler", "RU", 43.4), threatActor(actor, "Caucasus Emirate")));
        hub.post(alice, open, List.of(location(kyiv, "Kyiv", "UA", 50.4)));
        List<StixObject> quiet = new ArrayList<>();
        List<StixObject> quietOpen = new ArrayList<>();
        for (LocalDate d = HISTORY; !d.isAfter(QUIET_UNTIL); d = d.plusDays(1)) {
            quiet.add(report(d, List.of(sochi), Tlp.GREEN));
            quiet.add(report(d, List.of(sochi), Tlp.GREEN));
            quiet.add(report(d, List.of(adler), Tlp.GREEN));
            quietOpen.add(report(d, List.of(kyiv), Tlp.CLEAR));
        }
        hub.post(bob, reporting, quiet);
        hub.post(alice, open, quietOpen);
        List<StixObject> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            StixObject r = report(LocalDate.of(2014, 2, 7), List.of(adler, actor), Tlp.AMBER_STRICT);
            adlerBurst.add(r.id());
            burst.add(r);
        }
        hub.post(alice, reporting, burst);
        StixObject original = report(LocalDate.of(2014, 2, 8), List.of(sochi), Tlp.GREEN);
        List<StixObject> copies = new ArrayList<>(List.of(original));
        for (int i = 0; i < 12; i++) {
            StixObject copy = report(LocalDate.of(2014, 2, 8), List.of(sochi), Tlp.GREEN);
            copies.add(copy);
            copies.add(StixObject.builder("relationship", "relationship--" + UUID.randomUUID())
                    .put("created", "2014-02-08T10:00:00.000Z").put("modified", "2014-02-08T10:00:00.000Z")
                    .put("relationship_type", "duplicate-of").put("source_ref", copy.id())
                    .put("target_ref", original.id()).build());
        }
        hub.post(bob, reporting, copies);
        List<StixObject> kyivBurst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            kyivBurst.add(report(LocalDate.of(2014, 2, 9), List.of(kyiv), Tlp.CLEAR));
            kyivBurst.add(report(LocalDate.of(2014, 2, 9), List.of(kyiv), Tlp.AMBER));
        }
        hub.post(alice, open, kyivBurst);
    }

    @AfterEach
    void closeHub() {
        hub.close();
    }

    @Test
    void anUptickIsFlaggedWhereReportingRoseAndRollsUpToTheCountry() {
        JsonNode upticks = upticks(alice, "");
        assertTrue(has(upticks, adler, "2014-02-07"), upticks::toPrettyString);
        assertTrue(has(upticks, russia, "2014-02-07"), "Adler's burst counts for Russia: " + upticks.toPrettyString());
        JsonNode adlerDay = find(upticks, adler, "2014-02-07");
        assertEquals(12, adlerDay.get("observed").asInt());
        assertTrue(adlerDay.get("expected").asDouble() < 2, adlerDay::toString);
        assertTrue(adlerDay.get("p_value").asDouble() < 0.001, adlerDay::toString);
        assertEquals("Adler", adlerDay.get("name").asText());
        assertFalse(has(upticks, sochi, "2014-02-07"), "a quiet place is not flagged");
        assertEquals(12, timelineDay(alice, russia, "2014-02-07").get("observed").asInt(),
                "asked for alone, a country takes in the reporting about its places");
    }

    @Test
    void syndicatedCopiesOfOneStoryCountOnceAndRaiseNoFlag() {
        assertFalse(has(upticks(bob, ""), sochi, "2014-02-08"));
        JsonNode day = timelineDay(bob, sochi, "2014-02-08");
        assertEquals(1, day.get("observed").asInt(), day::toString);
        assertFalse(day.get("uptick").asBoolean());
    }

    @Test
    void anotherOrganisationsAmberStrictReportsNeitherCountNorShow() {
        JsonNode upticks = upticks(bob, "");
        assertFalse(has(upticks, adler, "2014-02-07"), upticks::toPrettyString);
        JsonNode day = timelineDay(bob, adler, "2014-02-07");
        assertEquals(0, day.get("observed").asInt(), day::toString);
        for (JsonNode id : day.get("objects")) {
            assertFalse(adlerBurst.contains(id.asText()), "bob is shown " + id);
        }
        JsonNode hers = timelineDay(alice, adler, "2014-02-07");
        assertEquals(12, hers.get("observed").asInt());
        assertTrue(ids(hers.get("objects")).containsAll(adlerBurst));
    }

    @Test
    void anonymousCallersOfAPublicCollectionCountClearReportingOnly() {
        JsonNode anonymous = timelineDay(null, kyiv, "2014-02-09");
        assertEquals(10, anonymous.get("observed").asInt(), anonymous::toString);
        assertEquals(20, timelineDay(alice, kyiv, "2014-02-09").get("observed").asInt());
        JsonNode upticks = upticks(null, "");
        assertTrue(has(upticks, kyiv, "2014-02-09"), upticks::toPrettyString);
        assertFalse(has(upticks, adler, "2014-02-07"), "anonymous callers see nothing of the private collection");
        assertEquals(0, timelineDay(null, sochi, "2014-02-01").get("observed").asInt());
    }

    @Test
    void upticksNarrowToAPlaceOrAnEventsVenues() {
        JsonNode onlyKyiv = upticks(alice, "&place=" + kyiv);
        assertTrue(StreamSupport.stream(onlyKyiv.spliterator(), false)
                .allMatch(u -> u.get("place").asText().equals(kyiv)), onlyKyiv::toPrettyString);
        assertTrue(has(onlyKyiv, kyiv, "2014-02-09"));
        String event = postEvent();
        JsonNode games = upticks(alice, "&event=" + event);
        assertTrue(has(games, adler, "2014-02-07"), games::toPrettyString);
        assertFalse(has(games, kyiv, "2014-02-09"), "Kyiv is not a venue");
    }

    @Test
    void anEventsPictureShowsItsVenuesNewestReportsAndWhoTheyName() {
        String event = postEvent();
        PictureHub.Answer a = hub.get(alice, "/api/v1/events/" + event + "/picture");
        assertEquals(200, a.status(), () -> String.valueOf(a.body()));
        JsonNode picture = a.body();
        assertEquals("Sochi 2014 Winter Olympics", picture.get("name").asText());
        assertEquals(2, picture.get("places").size());
        JsonNode adlerLevel = StreamSupport.stream(picture.get("places").spliterator(), false)
                .filter(p -> p.get("place").asText().equals(adler)).findFirst().orElseThrow();
        assertTrue(adlerLevel.get("observed").asInt() >= 12, adlerLevel::toString);
        assertEquals(1, adlerLevel.get("upticks").size(), adlerLevel::toString);
        assertTrue(picture.get("newest_reports").size() > 0);
        assertEquals("Caucasus Emirate", picture.get("threat_actors").get(0).get("name").asText());
        PictureHub.Answer forBob = hub.get(bob, "/api/v1/events/" + event + "/picture");
        assertEquals(0, forBob.body().get("threat_actors").size(), "bob sees no report naming the actor");
        assertEquals(1, hub.get(alice, "/api/v1/events").body().get("events").size());
        assertEquals(0, hub.get(null, "/api/v1/events").body().get("events").size(), "it is in a private collection");
        assertEquals(404, hub.get(null, "/api/v1/events/" + event + "/picture").status());
    }

    @Test
    void everyAnswerIsRecordedAsARead() {
        timelineDay(bob, adler, "2014-02-07");
        List<AuditRecord> records = hub.audit.list(AuditQuery.all(10_000).byActor(bob.user().id()));
        AuditRecord read = records.stream().filter(r -> r.action().equals("read-picture")).reduce((x, y) -> y)
                .orElseThrow(() -> new AssertionError("no read-picture record in " + records));
        assertTrue(read.path().startsWith("GET /api/v1/places/"), read.path());
        assertFalse(read.objectIds().isEmpty());
        assertTrue(read.objectIds().stream().noneMatch(adlerBurst::contains), "bob's record names what he was given");
    }

    @Test
    void countsAreRecordedWithTheirSpanAndNameNoObject() {
        upticks(bob, "");
        List<AuditRecord> records = hub.audit.list(AuditQuery.all(10_000).byActor(bob.user().id()));
        AuditRecord read = records.stream().filter(r -> r.action().equals("read-picture-counts"))
                .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no counts record in " + records));
        assertTrue(read.path().startsWith("GET /api/v1/upticks?"), read.path());
        assertTrue(read.objectIds().isEmpty(), "counts release no object");
        assertTrue(read.detail().contains("2014-02-10"), read.detail());
    }

    @Test
    void badRequestsGetTaxiiShapedErrorsThatSayWhatToChange() {
        PictureHub.Answer badDay = hub.get(alice, "/api/v1/upticks?from=7/2/2014");
        assertEquals(400, badDay.status());
        assertTrue(badDay.contentType().startsWith("application/json"), badDay.contentType());
        assertEquals("400", badDay.body().get("http_status").asText());
        assertTrue(badDay.body().get("description").asText().contains("YYYY-MM-DD"));
        assertEquals(422, hub.get(alice, "/api/v1/upticks?from=2014-02-09&to=2014-02-01").status());
        assertEquals(400, hub.get(alice, "/api/v1/places/sochi/timeline").status());
        assertEquals(404, hub.get(bob, "/api/v1/events/vigil-event--" + UUID.randomUUID() + "/picture").status());
        assertEquals(406, hub.get(alice, "/api/v1/upticks", "application/xml").status());
        assertEquals(200, hub.get(alice, "/api/v1/upticks?from=2014-02-01&to=2014-02-02", null).status());
        PictureHub.Answer badLogin = hub.get(new PictureHub.Account(alice.user(), alice.organisation(), "wrong"),
                "/api/v1/upticks");
        assertEquals(401, badLogin.status());
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        JsonNode doc = hub.get(null, "/api/v1/openapi.json").body();
        assertEquals("3.1.0", doc.get("openapi").asText());
        for (String path : PictureApi.paths()) {
            assertTrue(doc.get("paths").has("/api/v1" + path), path);
        }
        JsonNode item = doc.at("/paths/~1api~1v1~1upticks/get/responses/200/content/application~1json/schema/properties"
                + "/upticks/items/required");
        JsonNode answer = find(upticks(alice, ""), adler, "2014-02-07");
        for (JsonNode field : item) {
            assertTrue(answer.has(field.asText()), "the answer has the documented field " + field);
        }
    }

    private String postEvent() {
        Event e = Event.create("Sochi 2014 Winter Olympics", null, LocalDate.of(2014, 2, 7), LocalDate.of(2014, 2, 23),
                List.of(sochi, adler), "RU");
        hub.post(alice, reporting, List.of(e.toStix("2014-01-01T00:00:00.000Z", null)));
        return e.id();
    }

    private JsonNode upticks(PictureHub.Account who, String more) {
        PictureHub.Answer a = hub.get(who, "/api/v1/upticks?from=2014-02-01&to=2014-02-10" + more);
        assertEquals(200, a.status(), () -> String.valueOf(a.body()));
        return a.body().get("upticks");
    }

    private JsonNode timelineDay(PictureHub.Account who, String place, String day) {
        PictureHub.Answer a = hub.get(who, "/api/v1/places/" + place + "/timeline?from=" + day + "&to=" + day);
        assertEquals(200, a.status(), () -> String.valueOf(a.body()));
        return a.body().get("days").get(0);
    }

    private static boolean has(JsonNode upticks, String place, String day) {
        return find(upticks, place, day) != null;
    }

    private static JsonNode find(JsonNode upticks, String place, String day) {
        for (JsonNode u : upticks) {
            if (u.get("place").asText().equals(place) && u.get("date").asText().equals(day)) {
                return u;
            }
        }
        return null;
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static StixObject location(String id, String name, String country, Double latitude) {
        StixObject.Builder b = StixObject.builder("location", id).put("created", "2013-01-01T00:00:00.000Z")
                .put("modified", "2013-01-01T00:00:00.000Z").put("name", name).put("country", country);
        if (latitude != null) {
            b.put("latitude", latitude).put("longitude", 39.7);
        }
        return b.build();
    }

    private static StixObject threatActor(String id, String name) {
        return StixObject.builder("threat-actor", id).put("created", "2013-01-01T00:00:00.000Z")
                .put("modified", "2013-01-01T00:00:00.000Z").put("name", name)
                .put("threat_actor_types", List.of("terrorist")).build();
    }

    private static StixObject report(LocalDate day, List<String> refs, Tlp tlp) {
        String at = day + "T09:00:00.000Z";
        return StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at).put("modified", at)
                .put("name", "Report of " + day).put("published", at).put("report_types", List.of("threat-report"))
                .put("object_refs", refs).put("object_marking_refs", List.of(tlp.markingId())).build();
    }
}
