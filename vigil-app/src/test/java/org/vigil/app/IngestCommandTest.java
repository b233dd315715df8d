package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Status;
import org.vigil.store.User;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    /** Runs the CLI in-process; stdin and System.out are swapped for the run because ingest and user add use them. */
    private static synchronized Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Vigil.commandLine(System.out, System.err).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    private Path sample() throws IOException {
        Path p = dir.resolve("sochi.txt");
        try (InputStream in = IngestCommandTest.class.getResourceAsStream("/sochi-olympics-security.txt")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static List<String> ids(JsonNode bundle) {
        List<String> ids = new ArrayList<>();
        bundle.path("objects").forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    @Test
    void writesAStrictlyValidBundleWithTheSameIdsEachTime() throws IOException {
        Path article = sample();
        Path out = dir.resolve("a.json");
        assertEquals(0, run("", "ingest", "-q", article.toString(), "--out", out.toString()).code);
        Run again = run("", "ingest", "-q", article.toString());
        assertEquals(0, again.code, again.err);
        ObjectMapper m = new ObjectMapper();
        assertEquals(ids(m.readTree(out.toFile())), ids(m.readTree(again.out)));
        Run validate = run("", "validate", "-q", "--strict", out.toString());
        assertEquals(0, validate.code, validate.out);
    }

    @Test
    void postingTheSameArticleTwiceAddsNothingTheSecondTime() throws IOException {
        Path article = sample();
        String data = dir.resolve("data").toString();
        assertEquals(0, run("", "org", "add", "Analysts", "--member", "--data", data).code);
        assertEquals(0, run("secret\n", "user", "add", "alice", "--org", "Analysts", "--data", data).code);
        assertEquals(0, run("", "collection", "add", "Open sources", "--alias", "osint", "--read", "alice",
                "--write", "alice", "--data", data).code);
        Run first = run("", "ingest", "-q", article.toString(), "--collection", "osint", "--user", "alice", "--data", data);
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.contains("0 refused"), first.out);
        Run second = run("", "ingest", "-q", article.toString(), "--collection", "osint", "--user", "alice", "--data", data);
        assertTrue(second.out.contains(" 0 objects stored"), second.out);
    }

    @Test
    void groupsAlreadyInTheCollectionAreRecognisedByTheirAliases() throws IOException {
        String data = dir.resolve("data").toString();
        assertEquals(0, run("", "org", "add", "Analysts", "--member", "--data", data).code);
        assertEquals(0, run("secret\n", "user", "add", "alice", "--org", "Analysts", "--data", data).code);
        assertEquals(0, run("", "collection", "add", "Open sources", "--alias", "osint", "--read", "alice",
                "--write", "alice", "--data", data).code);
        String group = "intrusion-set--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
        try (Installation hub = Installation.open(Settings.load(Map.of(), Map.of("data", data)))) {
            User alice = hub.store.userByName("alice").orElseThrow();
            Principal p = Principal.of(alice, hub.store.organisation(alice.organisationId()).orElseThrow());
            Collection c = hub.collection("osint");
            Status s = hub.writes.add(p, new CollectionView(c, true, true, false), List.of(WritePath.Item.of(
                    StixObject.builder("intrusion-set", group).put("created", "2020-01-01T00:00:00.000Z")
                            .put("modified", "2020-01-01T00:00:00.000Z").put("name", "Imarat Kavkaz")
                            .put("aliases", List.of("Black Mountain Brigade")).build())), "test");
            assertEquals(1, s.successCount(), s.toString());
        }
        Path article = Files.writeString(dir.resolve("short.txt"), "MOSCOW — The Black Mountain Brigade threatened "
                + "the Olympics in Sochi, officials said on Monday.\n");
        Run r = run("", "ingest", "-q", article.toString(), "--collection", "osint", "--user", "alice", "--data", data);
        assertEquals(0, r.code, r.err);
        try (Installation hub = Installation.open(Settings.load(Map.of(), Map.of("data", data)))) {
            User alice = hub.store.userByName("alice").orElseThrow();
            Principal p = Principal.of(alice, hub.store.organisation(alice.organisationId()).orElseThrow());
            Collection c = hub.collection("osint");
            List<String> reportRefs = hub.reads.objects(p, new CollectionView(c, true, true, false),
                    ObjectQuery.in(c.id()).types("report").build(), "test").items().get(0).object().texts("object_refs");
            assertTrue(reportRefs.contains(group), reportRefs.toString());
        }
    }

    @Test
    void aStoryRepublishedInALaterRunIsLinkedToTheFirstReportNotCountedAgain() throws IOException {
        String data = dir.resolve("data").toString();
        assertEquals(0, run("", "org", "add", "Analysts", "--member", "--data", data).code);
        assertEquals(0, run("secret\n", "user", "add", "alice", "--org", "Analysts", "--data", data).code);
        assertEquals(0, run("", "collection", "add", "Open sources", "--alias", "osint", "--read", "alice",
                "--write", "alice", "--data", data).code);
        Path original = sample();
        assertEquals(0, run("", "ingest", "-q", original.toString(), "--collection", "osint", "--user", "alice",
                "--data", data).code);
        Path copy = Files.writeString(dir.resolve("copy.txt"), Files.readString(original)
                .replace("WASHINGTON —", "WASHINGTON (Wire) —").replace("next month's", "February's")
                + "\nAll rights reserved.");
        Run second = run("", "ingest", "-q", copy.toString(), "--collection", "osint", "--user", "alice", "--data", data);
        assertEquals(0, second.code, second.err);
        assertTrue(second.out.contains(" 3 objects stored"),
                "only the copy's report, its duplicate-of link and its text: " + second.out);
    }

    @Test
    void refusesToPostWithoutAUser() throws IOException {
        Run r = run("", "ingest", sample().toString(), "--collection", "osint");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("--collection needs --user"), r.err);
    }

    @Test
    void namesAMissingArticle() {
        Run r = run("", "ingest", dir.resolve("nope.txt").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("no such file"), r.err);
    }

    @Test
    void readsAnArticleFromStdin() {
        Run r = run("WASHINGTON — Russian President Vladimir Putin met officials in Sochi on Tuesday.\n", "ingest", "-q",
                "-", "--published", "2014-01-21T00:00:00Z");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Vladimir Putin"), r.out);
    }
}
