package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorPatternTest {

    private static List<Finding> indicator(String pattern, String patternType) {
        String json = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
                + "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\","
                + "\"indicator_types\":[\"malicious-activity\"],\"pattern\":" + quote(pattern) + ",\"pattern_type\":\""
                + patternType + "\",\"valid_from\":\"2016-01-01T00:00:00Z\"}";
        return Validator.standard().validate(StixJson.parse(json));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void acceptsAValidStixPattern() {
        assertEquals(List.of(), indicator("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'] "
                + "WITHIN 300 SECONDS", "stix"));
    }

    @Test
    void anIndicatorWithAnInvalidPatternIsInvalid() {
        List<Finding> findings = indicator("[file:name = 'x'] REPEAT 5 TIMES", "stix");
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertTrue(f.isError());
        assertEquals("pattern-invalid", f.code());
        assertEquals("/pattern", f.pointer());
        assertTrue(f.message().contains("REPEATS"), f.message());
    }

    @Test
    void patternsOfOtherLanguagesAreNotParsedAsStix() {
        assertEquals(List.of(), indicator("alert tcp any any -> any any (msg:\"x\";)", "snort"));
    }
}
