package org.vigil.stix;

import java.util.ArrayList;
import java.util.List;

/**
 * An object-level constraint from a type table, such as {@code order: created <= modified}. The rule names
 * and their meaning are documented in {@code types/README.md}.
 */
record Rule(String name, List<String> args, String operator) {

    static final List<String> NAMES = List.of("at-least-one", "exactly-one", "not-both", "together", "requires",
            "requires-if-true", "order", "number-order", "reserved", "deprecated", "lowercase-hyphen",
            "stix-pattern", "marking-definition", "external-reference", "forbids-if-true", "forbids-if-false",
            "refers-to-one", "not-self", "key-format", "requires-value");

    static Rule parse(String text) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown rule '" + text + "'; known rules: " + NAMES);
        }
        String rest = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (name.equals("order") || name.equals("number-order")) {
            String op = rest.contains("<=") ? "<=" : "<";
            String[] sides = rest.split(op, 2);
            if (sides.length != 2) {
                throw new IllegalArgumentException("rule '" + text + "' must read 'order: a <= b' or 'order: a < b'");
            }
            return new Rule(name, List.of(sides[0].trim(), sides[1].trim()), op);
        }
        if (rest.contains("->")) {
            String[] sides = rest.split("->", 2);
            if (sides.length != 2) {
                throw new IllegalArgumentException("rule '" + text + "' must read '" + name + ": a -> b, c'");
            }
            List<String> args = new ArrayList<>();
            args.add(sides[0].trim());
            args.addAll(split(sides[1]));
            if (name.equals("key-format")) {
                Formats.of(args.get(1));
            }
            return new Rule(name, List.copyOf(args), "->");
        }
        return new Rule(name, split(rest), null);
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return List.copyOf(out);
    }
}
