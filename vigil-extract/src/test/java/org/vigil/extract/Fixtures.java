package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vigil.stix.Finding;
import org.vigil.stix.StixObject;
import org.vigil.stix.Validator;

/** Shared extractor, sample text and checks for the extraction tests. */
final class Fixtures {

    static final Extractor EXTRACTOR = Extractor.standard();
    static final Instant PUBLISHED = Instant.parse("2014-01-21T17:30:00Z");

    private Fixtures() {
    }

    static Extraction extract(String text) {
        Extraction x = EXTRACTOR.extract(Article.of(text).withPublished(PUBLISHED));
        assertStrictlyValid(x);
        return x;
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sample() {
        return resource("sochi-olympics-security.txt");
    }

    /** No errors and no warnings on any object, and every reference points into the bundle. */
    static void assertStrictlyValid(Extraction x) {
        Set<String> ids = new HashSet<>();
        x.objects().forEach(o -> assertTrue(ids.add(o.id()), "duplicate id " + o.id()));
        assertEquals(List.of(), Validator.standard().validateBundleHeader(x.bundle()));
        for (StixObject o : x.objects()) {
            List<Finding> findings = Validator.standard().validate(o);
            if (!findings.isEmpty()) {
                fail("findings on " + o.toJson() + ":\n" + findings);
            }
            for (String ref : refs(o)) {
                boolean external = "duplicate-of".equals(o.text("relationship_type")) && ref.equals(o.text("target_ref"));
                assertTrue(external || ids.contains(ref), o.id() + " refers to " + ref + ", which is not in the bundle");
            }
        }
    }

    private static List<String> refs(StixObject o) {
        List<String> out = new java.util.ArrayList<>(o.texts("object_refs"));
        for (String p : List.of("created_by_ref", "source_ref", "target_ref")) {
            if (o.text(p) != null) {
                out.add(o.text(p));
            }
        }
        return out;
    }

    /** The objects of a type that extraction made (Vigil's own identity left out). */
    static List<StixObject> ofType(Extraction x, String type) {
        return x.objectsOfType(type).stream().filter(o -> !o.id().equals(Provenance.VIGIL_IDENTITY_ID)).toList();
    }

    static List<String> names(Extraction x, String type) {
        return ofType(x, type).stream().map(o -> o.text("name")).toList();
    }

    static StixObject named(Extraction x, String type, String name) {
        return ofType(x, type).stream().filter(o -> name.equals(o.text("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " among " + names(x, type)));
    }

    static List<StixObject> relationships(Extraction x, String type, String source, String target) {
        return ofType(x, "relationship").stream().filter(r -> type.equals(r.text("relationship_type"))
                && source.equals(r.text("source_ref")) && target.equals(r.text("target_ref"))).toList();
    }

    static double number(StixObject o, String property) {
        return o.property(property).orElseThrow(() -> new AssertionError(o.id() + " has no " + property)).asDouble();
    }
}
