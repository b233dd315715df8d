package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BundleReaderTest {

    private static List<StixObject> readAll(String json) {
        try (BundleReader r = BundleReader.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "in")) {
            List<StixObject> out = new ArrayList<>();
            for (StixObject o = r.next(); o != null; o = r.next()) {
                out.add(o);
            }
            return out;
        }
    }

    @Test
    void streamsTheObjectsOfABundleWhereverItsHeaderFieldsStand() {
        List<StixObject> objects = readAll("{\"objects\":[{\"type\":\"a\"},{\"type\":\"b\"}],\"type\":\"bundle\","
                + "\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\"}");
        assertEquals(List.of("a", "b"), objects.stream().map(StixObject::type).toList());
    }

    @Test
    void readsATaxiiEnvelope() {
        assertEquals(1, readAll("{\"more\":false,\"objects\":[{\"type\":\"a\"}]}").size());
    }

    @Test
    void readsASingleObject() {
        List<StixObject> objects = readAll("{\"type\":\"indicator\",\"id\":\"indicator--1\"}");
        assertEquals("indicator--1", objects.get(0).id());
    }

    @Test
    void reportsItemsThatAreNotObjectsAndGoesOn() {
        try (BundleReader r = BundleReader.open(new ByteArrayInputStream(
                "{\"type\":\"bundle\",\"objects\":[1,{\"type\":\"a\"}]}".getBytes(StandardCharsets.UTF_8)), "in")) {
            assertEquals("a", r.next().type());
            assertNull(r.next());
            assertEquals("/objects/0", r.problems().get(0).pointer());
        }
    }

    @Test
    void rejectsJsonThatIsNotStix() {
        StixFormatException e = assertThrows(StixFormatException.class, () -> readAll("{\"hello\":\"world\"}"));
        assertTrue(e.getMessage().contains("not STIX"), e.getMessage());
        assertThrows(StixFormatException.class, () -> readAll("[{\"type\":\"a\"}]"));
        assertThrows(StixFormatException.class, () -> readAll(""));
    }

    @Test
    void reportsTruncationInsideTheObjectsList() {
        StixFormatException e = assertThrows(StixFormatException.class,
                () -> readAll("{\"type\":\"bundle\",\"objects\":[{\"type\":\"a\"},{\"type\":"));
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    }

    @Test
    void emptyBundleHasNoObjects() {
        try (BundleReader r = BundleReader.open(new ByteArrayInputStream(
                "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\"}".getBytes(StandardCharsets.UTF_8)), "in")) {
            assertNull(r.next());
            assertTrue(r.isBundle());
            assertFalse(r.header().has("objects"));
        }
    }

    @Test
    void generatedBundleIsValid() {
        try (BundleReader r = BundleReader.open(new GeneratedBundle(50), "gen")) {
            Validator.Summary s = Validator.standard().validate(r, f -> { });
            assertEquals(new Validator.Summary(50, 0, 0), s);
        }
    }

    /** Streaming proof: about 250 MB of bundle through a 32 MB heap, in a child JVM so the cap is real. */
    @Test
    void validatesABundleFarLargerThanTheHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                GeneratedBundle.class.getName(), "250000").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertEquals("250000 0 0", output);
    }
}
