package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String VALID = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\","
            + "\"objects\":[{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\","
            + "\"id\":\"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\",\"created\":\"2016-05-12T08:17:27.000Z\","
            + "\"modified\":\"2016-05-12T08:17:27.000Z\",\"name\":\"Spear Phishing\"}]}";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Vigil.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command with {@code stdin} as its standard input. */
    private static Run runWithInput(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertCleanUsageError(Run r, String expected) {
        assertEquals(2, r.code, r.out + r.err);
        assertTrue(r.err.contains(expected), r.err);
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), "no stack trace: " + r.err);
    }

    @Test
    void validFileExitsZeroWithASummary() throws IOException {
        Run r = run("validate", "-q", file("ok.json", VALID).toString());
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.out.contains("1 file, 1 objects: 0 errors, 0 warnings: valid"), r.out);
    }

    @Test
    void errorsExitOneAndNameObjectPointerAndFix() throws IOException {
        Run r = run("validate", "-q", file("bad.json", VALID.replace("\"modified\":\"2016-05-12T08:17:27.000Z\"",
                "\"modified\":\"2015-01-01T00:00:00.000Z\"")).toString());
        assertEquals(1, r.code);
        assertTrue(r.out.contains("error [timestamp-order] attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061 /modified: "
                + "modified (2015-01-01T00:00:00.000Z) is earlier than created (2016-05-12T08:17:27.000Z); "
                + "a new version must not predate the object"), r.out);
    }

    @Test
    void strictMakesWarningsFail() throws IOException {
        Path f = file("warn.json", VALID.replace("\"name\":\"Spear Phishing\"", "\"name\":\"x\",\"x_custom\":1"));
        assertEquals(0, run("validate", "-q", f.toString()).code);
        assertEquals(1, run("validate", "-q", "--strict", f.toString()).code);
    }

    @Test
    void jsonFormatIsMachineReadable() throws IOException {
        Run r = run("validate", "-q", "--format", "json", file("bad.json", VALID.replace("Spear Phishing\"",
                "x\",\"confidence\":101")).toString());
        JsonNode report = new ObjectMapper().readTree(r.out);
        JsonNode finding = report.path("files").get(0).path("findings").get(0);
        assertEquals("out-of-range", finding.path("code").asText());
        assertEquals("/confidence", finding.path("pointer").asText());
        assertEquals("error", finding.path("severity").asText());
        assertEquals(1, report.path("summary").path("errors").asInt());
    }

    @Test
    void dashReadsStandardInput() {
        Run r = runWithInput(VALID, "validate", "-q", "-");
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.out.contains("standard input: 1 objects, 0 errors, 0 warnings"), r.out);
    }

    @Test
    void dashReportsFindingsInStandardInput() {
        Run r = runWithInput(VALID.replace("Spear Phishing\"", "x\",\"confidence\":101"), "validate", "-q", "-");
        assertEquals(1, r.code, r.out + r.err);
        assertTrue(r.out.contains("[out-of-range]"), r.out);
    }

    @Test
    void unreadableStandardInputIsAUsageErrorNamingIt() {
        Run r = runWithInput("{\"type\":", "validate", "-q", "-");
        assertCleanUsageError(r, "standard input");
        assertCleanUsageError(runWithInput("", "validate", "-"), "empty");
    }

    /** A bundle, one object a line, of {@code n} attack patterns that each carry an undeclared custom property. */
    /** The last group of the i-th object's UUID: feb398cd0010, feb398cd0011... */
    private static String idTail(int i) {
        return String.format("feb398cd%04d", 10 + i);
    }

    private static String customBundle(int n) {
        StringBuilder b = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\","
                + "\"objects\":[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "\n" : ",\n").append("{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\","
                    + "\"id\":\"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-").append(idTail(i)).append("\","
                    + "\"created\":\"2016-05-12T08:17:27.000Z\",\"modified\":\"2016-05-12T08:17:27.000Z\","
                    + "\"name\":\"p\",\"x_custom\":1}");
        }
        return b.append("\n]}").toString();
    }

    @Test
    void repeatedFindingsAreOneLinePerRuleAndPropertyWithCountAndExamples() throws IOException {
        Run r = run("validate", "-q", file("many.json", customBundle(5)).toString());
        assertEquals(0, r.code, r.out + r.err);
        List<String> lines = r.out.lines().toList();
        assertEquals(4, lines.size(), r.out);
        assertTrue(lines.get(0).startsWith("  warning [custom-property] /x_custom: 5 findings, e.g. "
                + "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0010 (line 2), "
                + "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0011 (line 3), "
                + "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0012 (line 4), ...; the first: "
                + "property 'x_custom' is not defined for attack-pattern"), r.out);
        assertTrue(lines.get(3).contains("--all lists every one"), r.out);
    }

    @Test
    void groupsListErrorsBeforeWarnings() throws IOException {
        String bundle = customBundle(3).replace("\"name\":\"p\",\"x_custom\":1}\n]}",
                "\"name\":\"p\",\"x_custom\":1,\"confidence\":101}\n]}");
        Run r = run("validate", "-q", file("mixed.json", bundle).toString());
        assertEquals(1, r.code, r.out + r.err);
        List<String> lines = r.out.lines().toList();
        assertTrue(lines.get(0).startsWith("  error [out-of-range] attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0012 "
                + "/confidence: ") && lines.get(0).endsWith(" (line 4)"), r.out);
        assertTrue(lines.get(1).startsWith("  warning [custom-property] /x_custom: 3 findings"), r.out);
    }

    @Test
    void allListsEveryFindingOnItsOwnLine() throws IOException {
        Run r = run("validate", "-q", "--all", file("many.json", customBundle(5)).toString());
        assertEquals(0, r.code, r.out + r.err);
        List<String> lines = r.out.lines().toList();
        assertEquals(7, lines.size(), r.out);
        assertTrue(lines.get(4).startsWith("  warning [custom-property] attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0014"
                + " /x_custom: ") && lines.get(4).endsWith(" (line 6)"), r.out);
    }

    @Test
    void jsonKeepsEveryFindingWithItsLine() throws IOException {
        Run r = run("validate", "-q", "--format", "json", file("many.json", customBundle(5)).toString());
        JsonNode findings = new ObjectMapper().readTree(r.out).path("files").get(0).path("findings");
        assertEquals(5, findings.size(), r.out);
        assertEquals(6, findings.get(4).path("line").asInt(), r.out);
    }

    @Test
    void findingsOfABundleLargerThanOneBatchKeepTheirInputOrder() throws IOException {
        int n = 1000;
        Run r = run("validate", "-q", "--all", file("large.json", customBundle(n)).toString());
        assertEquals(0, r.code, r.err);
        List<String> lines = r.out.lines().filter(l -> l.startsWith("  warning")).toList();
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++) {
            assertTrue(lines.get(i).contains(idTail(i) + " /x_custom") && lines.get(i)
                    .endsWith("(line " + (i + 2) + ")"), lines.get(i));
        }
        assertTrue(r.out.contains("1 file, " + n + " objects: 0 errors, " + n + " warnings: valid"), r.out);
    }

    @Test
    void findingsBeforeAFormatErrorAreReported() throws IOException {
        String cut = customBundle(600);
        Run r = run("validate", "-q", "--all", file("cut.json", cut.substring(0, cut.length() - 40)).toString());
        assertEquals(2, r.code, r.err);
        assertTrue(r.out.lines().filter(l -> l.startsWith("  warning")).count() >= 590, r.out);
        assertTrue(r.out.contains(idTail(0) + " /x_custom"), r.out);
        assertTrue(r.err.contains("invalid JSON"), r.err);
    }

    @Test
    void missingFile() {
        assertCleanUsageError(run("validate", dir.resolve("nope.json").toString()), "no such file");
    }

    @Test
    void directory() {
        assertCleanUsageError(run("validate", dir.toString()), "is a directory");
    }

    @Test
    void emptyFile() throws IOException {
        assertCleanUsageError(run("validate", file("empty.json", "").toString()), "empty");
    }

    @Test
    void invalidUtf8() throws IOException {
        assertCleanUsageError(run("validate", file("latin1.json",
                "{\"type\":\"x\",\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)).toString()), "UTF-8");
    }

    @Test
    void truncatedJson() throws IOException {
        assertCleanUsageError(run("validate", file("cut.json", VALID.substring(0, 120)).toString()), "invalid JSON");
    }

    @Test
    void jsonThatIsNotStix() throws IOException {
        assertCleanUsageError(run("validate", file("pkg.json", "{\"name\":\"left-pad\"}").toString()), "not STIX");
        assertCleanUsageError(run("validate", file("arr.json", "[1,2,3]").toString()), "expected a JSON object");
    }

    @Test
    void deeplyNestedJson() throws IOException {
        String deep = "{\"type\":\"x\",\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        assertCleanUsageError(run("validate", file("deep.json", deep).toString()), "safety limit");
    }

    @Test
    void absurdNumbers() throws IOException {
        assertCleanUsageError(run("validate", file("num.json", "{\"type\":\"x\",\"n\":1" + "0".repeat(10_000) + "}")
                .toString()), "safety limit");
        Run exponent = run("validate", "-q", file("exp.json", VALID.replace("Spear Phishing\"",
                "x\",\"confidence\":1e999999999")).toString());
        assertEquals(1, exponent.code);
        assertTrue(exponent.out.contains("[type-mismatch]") && exponent.out.contains("must be an integer"), exponent.out);
        Run huge = run("validate", "-q", file("big.json", VALID.replace("Spear Phishing\"",
                "x\",\"confidence\":1" + "0".repeat(90))).toString());
        assertEquals(1, huge.code);
        assertTrue(huge.out.contains("[out-of-range]"), huge.out);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("validate", "--frobnicate", "x.json");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("Unknown option"), r.err);
    }

    @Test
    void everyFileIsReportedEvenAfterAnUnreadableOne() throws IOException {
        Run r = run("validate", "-q", dir.resolve("missing.json").toString(), file("ok.json", VALID).toString());
        assertEquals(2, r.code);
        assertTrue(r.out.contains("ok.json: 1 objects, 0 errors, 0 warnings"), r.out);
    }
}
