package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;

/** Republished copies of a story are recognised and linked to the first report, and add no entities. */
class NearDuplicateIndexTest {

    private static String lightlyEdited(String text) {
        return text.replace("WASHINGTON —", "WASHINGTON (VOA) —")
                .replace("next month's", "February's")
                .replace("said Carney.", "Carney said.")
                .replace("large international event", "big international event")
                + "\nCopyright the publisher. All rights reserved.";
    }

    @Test
    void aLightlyEditedCopyIsLinkedToTheFirstReport() {
        Extractor extractor = Extractor.builder().nearDuplicates(NearDuplicateIndex.create()).build();
        Extraction first = extractor.extract(Article.of(Fixtures.sample()).withPublished(Instant.parse("2014-01-21T10:00:00Z")));
        Extraction copy = extractor.extract(Article.of(lightlyEdited(Fixtures.sample())).withPublished(Instant.parse("2014-01-22T10:00:00Z")));
        Fixtures.assertStrictlyValid(copy);
        assertTrue(first.duplicateOf().isEmpty());
        assertEquals(first.report().id(), copy.duplicateOf().orElseThrow().reportId());
        List<StixObject> links = Fixtures.relationships(copy, "duplicate-of", copy.report().id(), first.report().id());
        assertEquals(1, links.size());
        assertEquals(List.of(links.get(0).id(), Fixtures.ofType(copy, "artifact").get(0).id()), copy.report().texts("object_refs"));
        assertTrue(Fixtures.ofType(copy, "identity").isEmpty(), "a duplicate does not count its entities twice");
    }

    @Test
    void aReportsFingerprintRebuildsTheIndexInALaterRun() {
        Extraction first = Extractor.standard().extract(Article.of(Fixtures.sample())
                .withPublished(Instant.parse("2014-01-21T10:00:00Z")));
        String fingerprint = first.report().property("extensions").orElseThrow()
                .path(Provenance.EXTENSION_ID).path("fingerprint").asText();
        assertTrue(fingerprint.startsWith("s8:"), fingerprint);
        NearDuplicateIndex later = NearDuplicateIndex.create();
        later.addFingerprint(first.report().id(), fingerprint);
        Extraction copy = Extractor.builder().nearDuplicates(later).build()
                .extract(Article.of(lightlyEdited(Fixtures.sample())).withPublished(Instant.parse("2014-01-22T10:00:00Z")));
        assertEquals(first.report().id(), copy.duplicateOf().orElseThrow().reportId());
    }

    @Test
    void rejectsAMalformedFingerprint() {
        NearDuplicateIndex index = NearDuplicateIndex.create();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> index.addFingerprint("report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", "AAAA"));
    }

    @Test
    void theSameArticleAgainIsNotItsOwnDuplicate() {
        Extractor extractor = Extractor.builder().nearDuplicates(NearDuplicateIndex.create()).build();
        Extraction a = extractor.extract(Article.of(Fixtures.sample()).withPublished(Fixtures.PUBLISHED));
        Extraction b = extractor.extract(Article.of(Fixtures.sample()).withPublished(Fixtures.PUBLISHED));
        assertTrue(b.duplicateOf().isEmpty());
        assertEquals(a.bundleJson(), b.bundleJson());
    }

    @Test
    void differentStoriesOnTheSameSubjectAreNotDuplicates() {
        NearDuplicateIndex index = NearDuplicateIndex.create();
        assertEquals(Optional.empty(), index.add(reportId(1), Fixtures.sample()));
        String other = "Russian security forces said on Tuesday they had detained a suspect in the Volgograd "
                + "bombings. The White House offered American help to Russia in securing the Sochi Games, "
                + "and the Pentagon said two ships were on their way to the Black Sea.";
        assertEquals(Optional.empty(), index.add(reportId(2), other));
        assertEquals(2, index.size());
    }

    @Test
    void laterCopiesPointToTheFirstReportNotToEachOther() {
        NearDuplicateIndex index = NearDuplicateIndex.create();
        String story = randomStory(new Random(7), 800);
        index.add(reportId(1), story);
        assertEquals(reportId(1), index.add(reportId(2), story + " Updated at noon.").orElseThrow().reportId());
        assertEquals(reportId(1), index.add(reportId(3), "Breaking: " + story).orElseThrow().reportId());
        assertEquals(1, index.size());
    }

    @Test
    void memoryPerArticleStaysUnderAKilobyte() {
        NearDuplicateIndex index = NearDuplicateIndex.create();
        Random random = new Random(42);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            index.add(reportId(i + 10), randomStory(random, 60));
        }
        assertEquals(n, index.size());
        assertTrue(index.bytes() / n < 1024, index.bytes() / n + " bytes per article");
    }

    @Test
    void aCopyCutShorterAndRewordedSharingUnderHalfItsShinglesIsLinked() {
        Random random = new Random(11);
        String story = randomStory(random, 900);
        String[] words = story.split(" ");
        StringBuilder copy = new StringBuilder("By A Reporter\n\n");
        for (int i = 0; i < 400; i++) {
            copy.append(i % 7 == 3 ? "changed" + i : words[i]).append(' ');
        }
        Duplicate measured = NearDuplicateIndex.compare(story, copy.toString());
        assertTrue(measured.containment() < 0.6 && measured.resemblance() < 0.3, measured.toString());
        NearDuplicateIndex index = NearDuplicateIndex.create();
        index.add(reportId(1), story);
        assertEquals(reportId(1), index.add(reportId(2), NearDuplicateIndex.storyOf(copy.toString())).orElseThrow().reportId());
    }

    static String reportId(int n) {
        return String.format("report--00000000-0000-4000-8000-%012d", n);
    }

    static String randomStory(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append("w").append(Integer.toString(random.nextInt(50_000), 36)).append(' ');
        }
        return b.toString();
    }
}
