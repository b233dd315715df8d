package org.vigil.stix.pattern;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of checking a STIX pattern: its problems and what its object paths name.
 *
 * @param problems   what is wrong, ordered by column; empty when the pattern is valid
 * @param properties for each object type named in an object path, the properties paths start with there
 *                   (file:hashes.MD5 names hashes of file), sorted; empty when the pattern could not be parsed
 */
public record PatternCheck(List<PatternProblem> problems, Map<String, Set<String>> properties) {

    /** Takes immutable, ordered copies so a check can be shared freely. */
    public PatternCheck {
        problems = List.copyOf(problems);
        Map<String, Set<String>> sorted = new TreeMap<>();
        properties.forEach((type, names) -> sorted.put(type, Collections.unmodifiableSet(new TreeSet<>(names))));
        properties = Collections.unmodifiableMap(sorted);
    }

    /** The object types named in object paths, sorted. */
    public Set<String> objectTypes() {
        return properties.keySet();
    }

    /** Whether the pattern has no problems at all. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
