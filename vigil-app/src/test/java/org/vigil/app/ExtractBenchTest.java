package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil bench extract scores a directory of articles against gold annotations and says what it cannot read. */
class ExtractBenchTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Vigil.commandLine(System.out, System.err).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void namesAMissingGoldDirectory() {
        Run r = run("bench", "extract", dir.toString(), "--gold", dir.resolve("nope").toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("nope: no such directory"), r.err);
    }

    @Test
    void printsPrecisionRecallAndF1PerTypeAndTheRate() throws Exception {
        Path news = Files.createDirectories(dir.resolve("news"));
        Path gold = Files.createDirectories(dir.resolve("gold"));
        String text = "Police chief\n\nPolice in Lyon said on Monday that Jean Dupont had been arrested after a bombing.";
        Files.writeString(news.resolve("01-a.txt"), text);
        Files.writeString(gold.resolve("01.json"), "{\"file\": \"01-a.txt\", \"relevance\": \"on-topic\","
                + " \"people\": [{\"name\": \"Jean Dupont\"}], \"organisations\": [], \"groups\": [],"
                + " \"places\": [{\"name\": \"Lyon\"}], \"attacks\": [\"bombing\"], \"quotes\": []}");
        Run r = run("bench", "extract", news.toString(), "--gold", gold.toString(), "--seconds", "1", "--threads", "1");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("person            1.000     1.000     1.000      1      0      0"), r.out);
        assertTrue(r.out.contains("relevance: 1 of 1"), r.out);
        assertTrue(r.out.contains("articles/s"), r.out);
    }
}
