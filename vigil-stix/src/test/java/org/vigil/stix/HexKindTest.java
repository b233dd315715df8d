package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HexKindTest {

    private static List<Finding> fileWithMagic(String magic) {
        return Validator.standard().validate(StixJson.parse("{\"type\":\"file\",\"spec_version\":\"2.1\","
                + "\"id\":\"file--2cbd4d0f-4a5a-4f5b-9d3e-1f8e9a1b2c3d\",\"name\":\"a.exe\",\"magic_number_hex\":\""
                + magic + "\"}"));
    }

    @Test
    void acceptsLowercaseHex() {
        assertTrue(fileWithMagic("4d5a").stream().noneMatch(Finding::isError));
    }

    @Test
    void rejectsUppercaseHexAsSection28Requires() {
        List<Finding> errors = fileWithMagic("4D5A").stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("hex-invalid", errors.get(0).code());
        assertTrue(errors.get(0).message().contains("lowercase"));
    }

    @Test
    void rejectsOddLengthHex() {
        assertEquals("hex-invalid", fileWithMagic("4d5").stream().filter(Finding::isError).findFirst().orElseThrow().code());
    }

    @Test
    void hashValuesMayBeUppercase() {
        List<Finding> findings = Validator.standard().validate(StixJson.parse("{\"type\":\"file\",\"spec_version\":\"2.1\","
                + "\"id\":\"file--2cbd4d0f-4a5a-4f5b-9d3e-1f8e9a1b2c3d\",\"hashes\":{\"MD5\":\"D41D8CD98F00B204E9800998ECF8427E\"}}"));
        assertTrue(findings.stream().noneMatch(Finding::isError), findings.toString());
    }
}
