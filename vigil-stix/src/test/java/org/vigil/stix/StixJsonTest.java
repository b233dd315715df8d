package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StixJsonTest {

    @Test
    void keepsNumbersPropertyOrderAndUnknownContentExactly() {
        String json = "{\"type\":\"x-custom\",\"zeta\":1.50,\"alpha\":12345678901234567890123,"
                + "\"tiny\":1E-7,\"nested\":{\"b\":[true,null,\"é\\u0000\"],\"a\":{}},\"id\":\"x-custom--1\"}";
        assertEquals("{\"type\":\"x-custom\",\"zeta\":1.50,\"alpha\":12345678901234567890123,"
                + "\"tiny\":1E-7,\"nested\":{\"b\":[true,null,\"é\\u0000\"],\"a\":{}},\"id\":\"x-custom--1\"}",
                StixJson.parse(json).toJson());
    }

    @Test
    void rejectsEmptyInputWithAClearMessage() {
        StixFormatException e = assertThrows(StixFormatException.class, () -> StixJson.parse(new byte[0], "a.json"));
        assertTrue(e.getMessage().contains("a.json") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void rejectsTruncatedJsonNamingLineAndColumn() {
        StixFormatException e = assertThrows(StixFormatException.class,
                () -> StixJson.parse("{\n\"type\": \"indicator\",\n\"id\": \"ind".getBytes(StandardCharsets.UTF_8), "t.json"));
        assertTrue(e.getMessage().startsWith("t.json:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bad = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        StixFormatException e = assertThrows(StixFormatException.class, () -> StixJson.parse(bad, "u.json"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void rejectsHalfASurrogatePairNamingWhere() {
        for (String json : List.of("{\"type\":\"x\",\"name\":\"ok \\ud800\"}", "{\"type\":\"x\",\"\\udc00\":1}",
                "{\"type\":\"x\",\"l\":[\"\\ude00\\ud83d\"]}")) {
            StixFormatException e = assertThrows(StixFormatException.class,
                    () -> StixJson.parse(json.getBytes(StandardCharsets.UTF_8), "s.json"), json);
            assertTrue(e.getMessage().startsWith("s.json:1:") && e.getMessage().contains("surrogate"), e.getMessage());
            assertThrows(StixFormatException.class, () -> BundleReader.open(
                    new java.io.ByteArrayInputStream(("{\"type\":\"bundle\",\"objects\":[" + json + "]}")
                            .getBytes(StandardCharsets.UTF_8)), "b.json").next());
        }
    }

    @Test
    void keepsWholeCharactersWrittenAsSurrogatePairEscapes() {
        StixObject o = StixJson.parse("{\"type\":\"x\",\"name\":\"\\ud83d\\ude00 \ud83d\ude00\"}");
        assertEquals("\ud83d\ude00 \ud83d\ude00", o.json().path("name").asText());
    }

    @Test
    void rejectsDeepNestingWithoutStackOverflow() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        StixFormatException e = assertThrows(StixFormatException.class, () -> StixJson.parse(deep));
        assertTrue(e.getMessage().contains("safety limit"), e.getMessage());
    }

    @Test
    void rejectsAbsurdlyLongNumbers() {
        String json = "{\"type\":\"x\",\"n\":" + "9".repeat(5000) + "}";
        StixFormatException e = assertThrows(StixFormatException.class, () -> StixJson.parse(json));
        assertTrue(e.getMessage().contains("safety limit"), e.getMessage());
    }

    @Test
    void rejectsDuplicateKeys() {
        StixFormatException e = assertThrows(StixFormatException.class,
                () -> StixJson.parse("{\"type\":\"indicator\",\"type\":\"malware\"}"));
        assertTrue(e.getMessage().contains("Duplicate field 'type'"), e.getMessage());
    }

    @Test
    void rejectsContentAfterTheObject() {
        StixFormatException e = assertThrows(StixFormatException.class, () -> StixJson.parse("{\"type\":\"x\"} {}"));
        assertTrue(e.getMessage().contains("after the JSON value"), e.getMessage());
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        StixFormatException e = assertThrows(StixFormatException.class, () -> StixJson.parse("[1,2]"));
        assertTrue(e.getMessage().contains("expected a JSON object, found array"), e.getMessage());
    }

    @Test
    void objectsAreImmutableValues() {
        StixObject o = StixJson.parse("{\"type\":\"x-a\",\"id\":\"x-a--1\",\"labels\":[\"a\"]}");
        o.json().putArray("labels").add("changed");
        assertEquals("[\"a\"]", o.property("labels").orElseThrow().toString());
        StixObject changed = o.with("name", "n");
        assertEquals(null, o.text("name"));
        assertEquals("n", changed.text("name"));
    }

    @Test
    void versionIsModifiedElseCreated() {
        assertEquals("2020-01-02T00:00:00.000Z", StixJson.parse("{\"type\":\"a\",\"created\":\"2020-01-01T00:00:00.000Z\","
                + "\"modified\":\"2020-01-02T00:00:00.000Z\"}").version().orElseThrow());
        assertEquals("2020-01-01T00:00:00.000Z", StixJson.parse("{\"type\":\"a\",\"created\":\"2020-01-01T00:00:00.000Z\"}")
                .version().orElseThrow());
        assertTrue(StixJson.parse("{\"type\":\"ipv4-addr\"}").version().isEmpty());
    }

    @Test
    void builtObjectsEqualTheirParsedSelves() {
        StixObject built = StixObject.builder("location", "location--a88dddc0-a5fc-599c-b4c0-89da3264d59f")
                .put("latitude", 43.5992).put("longitude", -77.0364).put("precision", 1.0).build();
        assertEquals(built, StixJson.parse(built.toJson()));
    }
}
