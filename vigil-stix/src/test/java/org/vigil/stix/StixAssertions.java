package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Shared helpers for the type-table tests: build small STIX objects and assert on the validator's findings. */
final class StixAssertions {

    /** A version-4 UUID: the validator never checks these against id-contributing properties. */
    static final String V4 = "1f70cbfb-3355-4caf-995b-8c379ef7ac9f";
    /** Another version-4 UUID, used in references to other objects. */
    static final String REF = "c7c93e51-1e55-47de-88be-78f34351fa20";

    private StixAssertions() {
    }

    /** An SCO of the given type with a version-4 id and the given properties (a JSON object's inside). */
    static String sco(String type, String properties) {
        String body = properties.strip();
        return "{\"type\": \"" + type + "\", \"spec_version\": \"2.1\", \"id\": \"" + type + "--" + V4 + "\""
                + (body.isEmpty() ? "" : ", " + body) + "}";
    }

    /** An identifier of the given type, for reference properties. */
    static String ref(String type) {
        return type + "--" + REF;
    }

    static List<Finding> validate(String json) {
        return Validator.standard().validate(StixJson.parse(json));
    }

    /** No findings at all: no errors and no warnings. */
    static void assertClean(String json) {
        List<Finding> findings = validate(json);
        if (!findings.isEmpty()) {
            fail("expected no findings for " + json + "\nbut got:\n" + describe(findings));
        }
    }

    /** No errors; warnings are allowed. */
    static void assertNoErrors(String json) {
        List<Finding> errors = validate(json).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            fail("expected no errors for " + json + "\nbut got:\n" + describe(errors));
        }
    }

    /** An error with this code at this pointer is among the findings. */
    static Finding assertError(String json, String code, String pointer) {
        return assertFinding(json, Severity.ERROR, code, pointer);
    }

    /** A warning with this code at this pointer is among the findings, and there is no error at all. */
    static Finding assertWarningOnly(String json, String code, String pointer) {
        List<Finding> findings = validate(json);
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        assertTrue(errors.isEmpty(), () -> "expected only warnings for " + json + "\nbut got:\n" + describe(errors));
        return assertFinding(json, Severity.WARNING, code, pointer);
    }

    static Finding assertFinding(String json, Severity severity, String code, String pointer) {
        List<Finding> findings = validate(json);
        return findings.stream()
                .filter(f -> f.severity() == severity && f.code().equals(code) && f.pointer().equals(pointer))
                .findFirst()
                .orElseGet(() -> fail("expected " + severity.label() + " [" + code + "] at " + pointer + " for "
                        + json + "\nbut got:\n" + describe(findings)));
    }

    /** Exactly one finding, of this severity, code and pointer. */
    static void assertOnly(String json, Severity severity, String code, String pointer) {
        List<Finding> findings = validate(json);
        assertEquals(1, findings.size(), () -> "expected exactly one finding for " + json + "\nbut got:\n"
                + describe(findings));
        Finding f = findings.get(0);
        assertEquals(severity, f.severity(), f::toString);
        assertEquals(code, f.code(), f::toString);
        assertEquals(pointer, f.pointer(), f::toString);
    }

    static String describe(List<Finding> findings) {
        return findings.isEmpty() ? "  (none)" : findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
    }
}
