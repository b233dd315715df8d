package org.vigil.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vigil.stix.Finding;
import org.vigil.stix.Severity;

/**
 * Findings gathered by rule and property, so that a bundle that breaks one rule in ten thousand objects reads
 * as one line with a count and a few examples rather than ten thousand lines. Memory grows with the number of
 * distinct rules and properties, not with the number of findings.
 */
final class FindingGroups {

    /** How many example objects a group names. */
    static final int EXAMPLES = 3;

    private record Key(Severity severity, String code, String property) {
    }

    private final Map<Key, Group> groups = new LinkedHashMap<>();
    private long findings;

    /** One rule broken at one property: how often, with the first few places and the first message. */
    static final class Group {
        final Finding first;
        final List<Example> examples = new ArrayList<>(EXAMPLES);
        long count;

        Group(Finding first) {
            this.first = first;
        }

        /** The property, with list positions blanked out so that object_refs/0 and object_refs/7 group. */
        String property() {
            return property(first.pointer());
        }

        static String property(String pointer) {
            if (pointer.isEmpty()) {
                return "/";
            }
            // Most pointers name a top-level property and hold no position: they are kept as they are.
            return hasPosition(pointer) ? pointer.replaceAll("/[0-9]+(?=/|$)", "/*") : pointer;
        }

        private static boolean hasPosition(String pointer) {
            for (int i = 0; i < pointer.length() - 1; i++) {
                char next = pointer.charAt(i + 1);
                if (pointer.charAt(i) == '/' && next >= '0' && next <= '9') {
                    return true;
                }
            }
            return false;
        }
    }

    /** An object that broke a group's rule, and the line it begins on (0 if unknown). */
    record Example(String id, int line) {
        @Override
        public String toString() {
            return line > 0 ? id + " (line " + line + ")" : id;
        }
    }

    /** Adds a finding; {@code line} is where its object begins in the input, 0 if unknown. */
    void add(Finding f, int line) {
        findings++;
        Group g = groups.computeIfAbsent(new Key(f.severity(), f.code(), Group.property(f.pointer())), k -> new Group(f));
        g.count++;
        if (g.examples.size() < EXAMPLES) {
            g.examples.add(new Example(f.objectId() == null ? "(no id)" : f.objectId(), line));
        }
    }

    long findings() {
        return findings;
    }

    /** Errors first, then the most frequent, then by rule and property so that the order is stable. */
    List<Group> sorted() {
        List<Group> out = new ArrayList<>(groups.values());
        out.sort(Comparator.<Group, Boolean>comparing(g -> !g.first.isError())
                .thenComparing(g -> -g.count)
                .thenComparing(g -> g.first.code())
                .thenComparing(Group::property));
        return out;
    }

    void clear() {
        groups.clear();
        findings = 0;
    }

    /**
     * One line for a group: a finding seen once reads as it always has (with its line), a repeated one as
     * {@code warning [code] /property: N findings, e.g. id (line L), ...: first message}.
     */
    static String line(Group g) {
        Finding f = g.first;
        if (g.count == 1) {
            int at = g.examples.get(0).line();
            return f + (at > 0 ? " (line " + at + ")" : "");
        }
        String examples = g.examples.stream().map(Example::toString).collect(Collectors.joining(", "));
        return f.severity().label() + " [" + f.code() + "] " + g.property() + ": " + g.count + " findings, e.g. "
                + examples + (g.count > g.examples.size() ? ", ..." : "") + "; the first: " + f.message();
    }
}
