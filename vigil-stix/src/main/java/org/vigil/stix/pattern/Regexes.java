package org.vigil.stix.pattern;

import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * Checks that the regular expression of a MATCHES comparison compiles.
 */
final class Regexes {

    /** Java compiles nested groups and classes recursively; deeper nesting could exhaust the stack. */
    static final int MAX_NESTING = 200;

    private Regexes() {
    }

    /** Why the expression does not compile, or empty when it does. */
    static Optional<String> problem(String regex) {
        if (nesting(regex) > MAX_NESTING) {
            return Optional.of("groups and classes nest deeper than " + MAX_NESTING + " levels");
        }
        // STIX specifies PCRE. Java has no PCRE engine, so java.util.regex stands in as an
        // approximation: the two agree on the common syntax (classes, quantifiers, groups, anchors,
        // \x escapes, lookaround), but PCRE-only constructs such as recursion (?R), conditionals
        // (?(1)...) and \K are rejected here, and Java's looser handling of some escapes is accepted.
        try {
            java.util.regex.Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** The deepest run of unescaped '(' and '[', counted without regard to balance. */
    private static int nesting(String regex) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' || c == '[') {
                depth++;
                deepest = Math.max(deepest, depth);
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }
}
