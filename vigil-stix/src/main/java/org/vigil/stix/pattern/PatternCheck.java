package org.vigil.stix.pattern;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of checking a STIX pattern: its problems and the object types it refers to.
 *
 * @param problems    what is wrong, ordered by column; empty when the pattern is valid
 * @param objectTypes the STIX Cyber-observable Object types named in object paths, sorted;
 *                    empty when the pattern could not be parsed
 */
public record PatternCheck(List<PatternProblem> problems, Set<String> objectTypes) {

    /** Takes immutable, ordered copies so a check can be shared freely. */
    public PatternCheck {
        problems = List.copyOf(problems);
        objectTypes = Collections.unmodifiableSet(new TreeSet<>(objectTypes));
    }

    /** Whether the pattern has no problems at all. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
