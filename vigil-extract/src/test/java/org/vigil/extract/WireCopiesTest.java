package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixJson;

/**
 * The development articles (read in place from ../shared/samples/news): the syndicated copies of INDEX.md are
 * linked to their first copy, and no other article is, in particular not two agencies' reports of one bombing.
 */
class WireCopiesTest {

    private static final Path NEWS = Path.of("../../shared/samples/news");

    private static Map<String, Path> articles() {
        assumeTrue(Files.isDirectory(NEWS), "the development articles are not at " + NEWS.toAbsolutePath() + "; skipped");
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(NEWS)) {
            files.filter(p -> p.toString().endsWith(".txt")).forEach(p -> out.put(p.getFileName().toString().substring(0, 2), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<List<String>> gold(String key) {
        try (InputStream in = WireCopiesTest.class.getResourceAsStream("gold/pairs.json")) {
            JsonNode root = StixJson.parseTree(in, "pairs.json");
            List<List<String>> out = new ArrayList<>();
            root.path(key).forEach(p -> out.add(List.of(p.get(0).asText(), p.get(1).asText())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachSyndicatedCopyIsLinkedToTheFirstAndNothingElseIs() throws IOException {
        Map<String, Path> articles = articles();
        Extractor extractor = Extractor.builder().nearDuplicates(NearDuplicateIndex.create()).build();
        Map<String, String> reportOf = new TreeMap<>();
        Map<String, String> linked = new TreeMap<>();
        for (Map.Entry<String, Path> a : articles.entrySet()) {
            Extraction x = extractor.extract(ArticleReader.read(a.getValue()).withPublished(Instant.parse("2016-01-01T00:00:00Z")));
            reportOf.put(x.report().id(), a.getKey());
            x.duplicateOf().ifPresent(d -> linked.put(a.getKey(), reportOf.get(d.reportId())));
        }
        Map<String, String> expected = new TreeMap<>();
        gold("pairs").forEach(p -> expected.put(p.get(1), p.get(0)));
        assertEquals(expected, linked);
    }

    @Test
    void theClosestNonPairsShareAlmostNothing() throws IOException {
        Map<String, Path> articles = articles();
        for (List<String> p : gold("closest_non_pairs")) {
            Duplicate d = NearDuplicateIndex.compare(story(articles.get(p.get(0))), story(articles.get(p.get(1))));
            assertEquals(true, d.containment() < NearDuplicateIndex.DEFAULT_THRESHOLD / 3, p + " share " + d.containment());
        }
    }

    private static String story(Path p) throws IOException {
        return NearDuplicateIndex.storyOf(Files.readString(p));
    }
}
