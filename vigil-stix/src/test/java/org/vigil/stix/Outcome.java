package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** What the validator said about one example, with assertions that print every finding when they fail. */
final class Outcome {

    private final List<Finding> findings;

    Outcome(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    List<Finding> findings() {
        return findings;
    }

    List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    /** Asserts an error with this code at this pointer, and returns it for checks on its message. */
    Finding error(String code, String pointer) {
        return find(Severity.ERROR, code, pointer);
    }

    /** Asserts a warning with this code at this pointer, and returns it for checks on its message. */
    Finding warning(String code, String pointer) {
        return find(Severity.WARNING, code, pointer);
    }

    /** Asserts that this error is the only one (warnings aside), and returns it. */
    Finding onlyError(String code, String pointer) {
        Finding f = error(code, pointer);
        assertEquals(1, errors().size(), () -> "expected no other error than [" + code + "] at " + pointer
                + ", but found:\n" + describe());
        return f;
    }

    /** Asserts that the object is valid and that this warning is the only finding, and returns it. */
    Finding onlyWarning(String code, String pointer) {
        Finding f = warning(code, pointer);
        assertEquals(1, findings.size(), () -> "expected no other finding than the warning [" + code + "] at "
                + pointer + ", but found:\n" + describe());
        return f;
    }

    /** Asserts that the object is valid: warnings may remain. */
    Outcome hasNoErrors() {
        assertTrue(errors().isEmpty(), () -> "expected no errors, but found:\n" + describe());
        return this;
    }

    /** Asserts that the validator found nothing at all, neither error nor warning. */
    Outcome isClean() {
        assertTrue(findings.isEmpty(), () -> "expected no findings, but found:\n" + describe());
        return this;
    }

    /** Asserts that no finding of any severity carries this code. */
    Outcome hasNo(String code) {
        assertTrue(findings.stream().noneMatch(f -> f.code().equals(code)),
                () -> "expected no [" + code + "] finding, but found:\n" + describe());
        return this;
    }

    private Finding find(Severity severity, String code, String pointer) {
        return findings.stream()
                .filter(f -> f.severity() == severity && f.code().equals(code) && f.pointer().equals(pointer))
                .findFirst()
                .orElseGet(() -> fail("expected " + severity.label() + " [" + code + "] at '" + pointer
                        + "', but found:\n" + describe()));
    }

    /** Asserts that a finding's message names each of these words, so that a person can act on it. */
    static void assertMentions(Finding finding, String... words) {
        for (String word : words) {
            assertTrue(finding.message().contains(word), () -> "the message of " + finding.code() + " should "
                    + "mention '" + word + "', but reads: " + finding.message());
        }
    }

    String describe() {
        return findings.isEmpty() ? "  (nothing)"
                : findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
