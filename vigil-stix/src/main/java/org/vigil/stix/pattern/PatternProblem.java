package org.vigil.stix.pattern;

import java.util.Objects;

/**
 * One thing wrong with a STIX pattern: where it is and what to do about it.
 *
 * @param column  0-based character offset into the pattern where the problem starts
 * @param message what is wrong and how to fix it, for a person to read
 */
public record PatternProblem(int column, String message) {

    /** Rejects negative columns and a missing message. */
    public PatternProblem {
        if (column < 0) {
            throw new IllegalArgumentException("column must be 0 or greater, was " + column);
        }
        Objects.requireNonNull(message, "message");
    }
}
