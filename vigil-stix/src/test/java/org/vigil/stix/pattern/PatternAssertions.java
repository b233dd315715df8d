package org.vigil.stix.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions shared by the pattern tests, with failure messages that show the problems found.
 */
final class PatternAssertions {

    private PatternAssertions() {
    }

    /** Asserts the pattern is valid and returns its check. */
    static PatternCheck assertValid(String pattern) {
        PatternCheck check = Pattern.check(pattern);
        assertTrue(check.valid(), () -> "expected valid: " + pattern + "\nbut got: " + check.problems());
        return check;
    }

    /** Asserts the pattern has a problem whose message contains the fragment, and returns that problem. */
    static PatternProblem assertRejected(String pattern, String fragment) {
        PatternCheck check = Pattern.check(pattern);
        assertFalse(check.valid(), () -> "expected a problem in: " + pattern);
        return check.problems().stream()
                .filter(problem -> problem.message().contains(fragment))
                .findFirst()
                .orElseGet(() -> fail("no problem mentions \"" + fragment + "\" in: " + pattern
                        + "\nproblems: " + check.problems()));
    }

    /** Asserts the pattern has a problem mentioning the fragment at the given column. */
    static void assertRejectedAt(String pattern, int column, String fragment) {
        PatternProblem problem = assertRejected(pattern, fragment);
        assertEquals(column, problem.column(), () -> "column of: " + problem.message());
    }
}
