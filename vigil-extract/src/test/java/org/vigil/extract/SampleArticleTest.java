package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.named;
import static org.vigil.extract.Fixtures.names;
import static org.vigil.extract.Fixtures.number;
import static org.vigil.extract.Fixtures.ofType;
import static org.vigil.extract.Fixtures.relationships;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;

/** The Voice of America report on Sochi security (its body collected twice), as issue 5 pins it down. */
class SampleArticleTest {

    private static Extraction x;

    @BeforeAll
    static void extractSample() {
        x = Fixtures.extract(Fixtures.sample());
    }

    @Test
    void holdsObamaPutinCarneyAndGoldgeierAsIndividuals() {
        for (String person : List.of("Barack Obama", "Vladimir Putin", "Jay Carney", "James Goldgeier")) {
            assertEquals("individual", named(x, "identity", person).text("identity_class"));
        }
    }

    @Test
    void mentionsByTitleOrSurnameAreTheSamePerson() {
        long obamas = names(x, "identity").stream().filter(n -> n.contains("Obama")).count();
        long carneys = names(x, "identity").stream().filter(n -> n.contains("Carney")).count();
        assertEquals(1, obamas);
        assertEquals(1, carneys);
    }

    @Test
    void holdsThePentagonAndTheStateDepartmentAsOrganisations() {
        assertEquals("organization", named(x, "identity", "Pentagon").text("identity_class"));
        assertEquals("organization", named(x, "identity", "State Department").text("identity_class"));
    }

    @Test
    void theStateDepartmentIsLocatedInTheUnitedStatesAsItsQualifierSays() {
        StixObject state = named(x, "identity", "State Department");
        StixObject us = named(x, "location", "United States");
        assertEquals(1, relationships(x, "located-at", state.id(), us.id()).size());
    }

    @Test
    void holdsAlQaidaAsAGroupAndNeverAsAnOrganisation() {
        StixObject alQaida = named(x, "threat-actor", "al-Qaida");
        assertEquals(List.of("terrorist"), alQaida.texts("threat_actor_types"));
        assertTrue(names(x, "identity").stream().noneMatch(n -> n.contains("Qaida")));
    }

    @Test
    void alQaidaUsesTheSuicideAttackItPlannedAndTargetsTelAviv() {
        StixObject alQaida = named(x, "threat-actor", "al-Qaida");
        StixObject attack = named(x, "attack-pattern", "suicide attack");
        StixObject telAviv = named(x, "location", "Tel Aviv");
        assertEquals(1, relationships(x, "uses", alQaida.id(), attack.id()).size());
        assertEquals(1, relationships(x, "targets", alQaida.id(), telAviv.id()).size());
    }

    @Test
    void placesHaveCoordinatesAndCountries() {
        assertPlace("Sochi", 43.60, 39.73, "RU");
        assertPlace("Volgograd", 48.72, 44.50, "RU");
        assertPlace("Tel Aviv", 32.08, 34.78, "IL");
        StixObject blackSea = named(x, "location", "Black Sea");
        assertEquals(43.4, number(blackSea, "latitude"), 0.5);
        assertEquals(34.3, number(blackSea, "longitude"), 0.5);
    }

    private static void assertPlace(String name, double lat, double lon, String country) {
        StixObject place = named(x, "location", name);
        assertEquals(lat, number(place, "latitude"), 0.05, name);
        assertEquals(lon, number(place, "longitude"), 0.05, name);
        assertEquals(country, place.text("country"), name);
    }

    @Test
    void suicideBombingIsAnAttackPatternAndStruckVolgograd() {
        StixObject bombing = named(x, "attack-pattern", "suicide bombing");
        StixObject volgograd = named(x, "location", "Volgograd");
        assertEquals(1, relationships(x, "targets", bombing.id(), volgograd.id()).size());
    }

    @Test
    void carneysAndGoldgeiersQuotesAppearOnceEachAttributedToThem() {
        List<StixObject> notes = ofType(x, "note");
        assertEquals(4, notes.size(), "two quotes each, the repeated body counted once");
        assertEquals(2, notes.stream().filter(n -> n.texts("authors").equals(List.of("Jay Carney"))).count());
        assertEquals(2, notes.stream().filter(n -> n.texts("authors").equals(List.of("James Goldgeier"))).count());
        String carney = named(x, "identity", "Jay Carney").id();
        StixObject first = notes.stream().filter(n -> n.text("content").startsWith("What I can tell you")).findFirst().orElseThrow();
        assertEquals(List.of(carney, x.report().id()), first.texts("object_refs"));
    }

    @Test
    void aQuoteBrokenByItsAttributionIsOneNote() {
        StixObject note = ofType(x, "note").stream()
                .filter(n -> n.text("content").startsWith("The relationship between")).findFirst().orElseThrow();
        assertTrue(note.text("content").endsWith("they will do so."), note.text("content"));
        assertEquals(List.of("James Goldgeier"), note.texts("authors"));
    }

    @Test
    void rolesAreRecordedOnThePeople() {
        assertEquals(List.of("White House spokesman"), named(x, "identity", "Jay Carney").texts("roles"));
        assertEquals(List.of("Russian President"), named(x, "identity", "Vladimir Putin").texts("roles"));
        String goldgeier = named(x, "identity", "James Goldgeier").id();
        String university = named(x, "identity", "American University").id();
        assertEquals(1, relationships(x, "related-to", goldgeier, university).size());
    }

    @Test
    void holdsNoJunkEntities() {
        Set<String> junk = Set.of("tuesday", "winter", "winter olympics", "winter games", "olympics", "he", "they",
                "it", "we", "russians", "americans", "islamic", "russian");
        for (String type : List.of("identity", "threat-actor", "location", "intrusion-set")) {
            for (String name : names(x, type)) {
                assertFalse(junk.contains(name.toLowerCase(Locale.ROOT)), type + " " + name + " is junk");
                assertTrue(Character.isUpperCase(name.codePointAt(0)) || name.startsWith("al-"), name);
            }
        }
    }

    @Test
    void cleanedTextHoldsEachParagraphOnce() {
        String text = x.cleanedText();
        String paragraph = "White House spokesman Jay Carney says President Barack Obama spoke";
        assertEquals(text.indexOf(paragraph), text.lastIndexOf(paragraph));
        assertTrue(text.startsWith("WASHINGTON —"));
        assertEquals(15, text.split("\n\n").length);
    }

    @Test
    void theDatelineIsThePlaceOfPublication() {
        StixObject washington = ofType(x, "location").stream()
                .filter(l -> l.text("name").startsWith("Washington")).findFirst().orElseThrow();
        String ext = x.report().property("extensions").orElseThrow().path(Provenance.EXTENSION_ID)
                .path("dateline_ref").asText();
        assertEquals(washington.id(), ext);
        assertEquals("US", washington.text("country"));
        assertTrue(Provenance.sources(washington).stream().anyMatch(s -> s.start() == 0));
    }

    @Test
    void theReportReferencesEverythingAndSummarisesTheLead() {
        StixObject report = x.report();
        assertTrue(report.text("description").startsWith("In the face of terrorist threats"));
        assertEquals("2014-01-21T17:30:00.000Z", report.text("published"));
        assertEquals(List.of("threat-report"), report.texts("report_types"));
        for (StixObject o : x.objects()) {
            boolean meta = o.id().equals(Provenance.VIGIL_IDENTITY_ID) || o.type().equals("extension-definition")
                    || o == report || o.type().equals("report");
            assertTrue(meta || report.texts("object_refs").contains(o.id()), o.id() + " is not referenced");
        }
    }

    @Test
    void theReportKeepsItsArticleAsAnArtifactThatEveryOffsetPointsInto() {
        StixObject text = ofType(x, "artifact").get(0);
        assertEquals("text/plain", text.text("mime_type"));
        String decoded = new String(java.util.Base64.getDecoder().decode(text.text("payload_bin")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(x.cleanedText(), decoded);
        assertTrue(x.report().texts("object_refs").contains(text.id()));
        assertEquals(text.id(), x.report().property("extensions").orElseThrow()
                .path(Provenance.EXTENSION_ID).path("text_ref").asText());
        for (StixObject o : x.objects()) {
            for (Provenance.Source s : Provenance.sources(o)) {
                assertEquals(s.sentence(), decoded.substring(s.start(), s.end()));
            }
        }
    }

    @Test
    void theReportSaysItIsAboutSecurityAndKeepsTheLeadAsItsDescription() {
        assertEquals(List.of("threat-report"), x.report().texts("report_types"));
        assertEquals(List.of("vigil:relevance=on-topic"), x.report().texts("labels"));
        assertFalse(x.report().text("description").equals(x.report().text("name")));
    }

    @Test
    void everyExtractedObjectRecordsTheSentencesItCameFrom() {
        for (StixObject o : x.objects()) {
            if (o.id().equals(Provenance.VIGIL_IDENTITY_ID) || o.type().equals("extension-definition")
                    || o.type().equals("artifact")) {
                continue;
            }
            List<Provenance.Source> sources = Provenance.sources(o);
            assertFalse(sources.isEmpty(), o.id() + " has no provenance");
            for (Provenance.Source s : sources) {
                assertEquals(s.sentence(), x.cleanedText().substring(s.start(), s.end()));
            }
        }
        StixObject sochi = named(x, "location", "Sochi");
        assertTrue(Provenance.sources(sochi).stream().allMatch(s -> s.sentence().contains("Sochi")));
    }

    @Test
    void theSameArticleTwiceGivesTheSameIdsAndTheSameBundle() {
        Extraction again = Fixtures.extract(Fixtures.sample());
        assertEquals(x.objects().stream().map(StixObject::id).toList(), again.objects().stream().map(StixObject::id).toList());
        assertEquals(x.bundleJson(), again.bundleJson());
    }

    @Test
    void extractionsOnTwoThreadsAtOnceGiveTheSameBundle() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = pool.invokeAll(List.of(
                    () -> Fixtures.extract(Fixtures.sample()).bundleJson(),
                    () -> Fixtures.extract(Fixtures.sample()).bundleJson(),
                    () -> Fixtures.extract(Fixtures.sample()).bundleJson(),
                    () -> Fixtures.extract(Fixtures.sample()).bundleJson()));
            for (Future<String> run : runs) {
                assertEquals(x.bundleJson(), run.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
