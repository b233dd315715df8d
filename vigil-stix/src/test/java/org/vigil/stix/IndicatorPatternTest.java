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

    @Test
    void warnsOfAMisspeltObservableTypeWithAHint() {
        Finding f = onlyFinding(indicator("[flie:name = 'x.exe']", "stix"));
        assertEquals("pattern-unknown-type", f.code());
        assertTrue(!f.isError() && f.message().contains("did you mean 'file'?"), f.message());
    }

    @Test
    void warnsOfAPropertyTheTypeDoesNotHaveWithAHint() {
        Finding f = onlyFinding(indicator("[file:nmae = 'x.exe'] OR [ipv4-addr:value = '198.51.100.1']", "stix"));
        assertEquals("pattern-unknown-property", f.code());
        assertTrue(!f.isError() && f.message().contains("'nmae' of file") && f.message().contains("'name'?"),
                f.message());
    }

    @Test
    void warnsWhenAPatternNamesSomethingOtherThanAnObservable() {
        assertEquals("pattern-not-observable", onlyFinding(indicator("[indicator:name = 'x']", "stix")).code());
    }

    @Test
    void acceptsCommonExtensionAndCustomProperties() {
        assertEquals(List.of(), indicator("[file:extensions.'windows-pebinary-ext'.imphash = 'abc' AND file:x_seen = 1"
                + " AND file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] OR [network-traffic:src_ref.value = "
                + "'198.51.100.1'] OR [ipv4-addr:defanged = true]", "stix"));
    }

    private static Finding onlyFinding(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }
}
