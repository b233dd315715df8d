package org.vigil.stix.pattern;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Object types and paths the property tests generate comparisons for, each with fitting literals.
 */
enum ObjectFixture {
    FILE("file", List.of("file:name", "file:hashes.MD5", "file:hashes.'SHA-256'", "file:mime_type"),
            List.of("file:size", "file:extensions.'windows-pebinary-ext'.sections[*].entropy")),
    IPV4_ADDR("ipv4-addr", List.of("ipv4-addr:value"), List.of()),
    NETWORK_TRAFFIC("network-traffic", List.of("network-traffic:protocols[*]", "network-traffic:src_ref.value"),
            List.of("network-traffic:dst_port", "network-traffic:protocols[0].x_len")),
    CUSTOM("x-acme-widget", List.of("x-acme-widget:x_label", "x-acme-widget:extensions.'x-acme-ext'.code"),
            List.of("x-acme-widget:x_score"));

    private final String type;
    private final List<String> stringPaths;
    private final List<String> numberPaths;

    ObjectFixture(String type, List<String> stringPaths, List<String> numberPaths) {
        this.type = type;
        this.stringPaths = stringPaths;
        this.numberPaths = numberPaths;
    }

    String type() {
        return type;
    }

    List<String> paths() {
        return stringPaths;
    }

    /** A comparison on one of this type's paths with an operator and a literal that fit together. */
    Arbitrary<String> comparisons() {
        Arbitrary<String> strings = Combinators.combine(Arbitraries.of(stringPaths), stringTail())
                .as((path, tail) -> path + tail);
        if (numberPaths.isEmpty()) {
            return strings;
        }
        Arbitrary<String> numbers = Combinators.combine(Arbitraries.of(numberPaths), numberTail())
                .as((path, tail) -> path + tail);
        return Arbitraries.oneOf(strings, numbers);
    }

    private static Arbitrary<String> not() {
        return Arbitraries.of("", " NOT");
    }

    private static Arbitrary<String> stringTail() {
        Arbitrary<String> string = PatternPropertiesTest.strings();
        Arbitrary<String> compare = Combinators.combine(not(), Arbitraries.of(" = ", " != ", " < ", " >= ", " LIKE "),
                string).as((n, op, s) -> n + op + s);
        Arbitrary<String> in = string.list().ofMinSize(1).ofMaxSize(3).map(s -> " IN (" + String.join(", ", s) + ")");
        Arbitrary<String> matches = Arbitraries.of("'^a.*$'", "'[0-9]{2,}'", "'(?i)x|y'", "'\\\\d+\\\\.exe$'")
                .map(r -> " MATCHES " + r);
        Arbitrary<String> cidr = Combinators.combine(Arbitraries.of(" ISSUBSET ", " ISSUPERSET "),
                Arbitraries.of("'10.0.0.0/8'", "'198.51.100.7'", "'2001:db8::/32'", "'::1'"))
                .as((op, c) -> op + c);
        Arbitrary<String> other = Arbitraries.of(" = b'AQID'", " > h'00ff'", " < t'2020-02-29T12:00:00.5Z'", " = true");
        return Arbitraries.oneOf(compare, in, matches, cidr, other);
    }

    private static Arbitrary<String> numberTail() {
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.integers().between(-1000, 1_000_000).map(String::valueOf),
                Arbitraries.of("0.5", "-2.25", "7.0", ".5"));
        Arbitrary<String> compare = Combinators.combine(not(), Arbitraries.of(" = ", " != ", " > ", " < ", " >= ", " <= "),
                number).as((n, op, v) -> n + op + v);
        Arbitrary<String> in = number.list().ofMinSize(1).ofMaxSize(4).map(v -> " IN (" + String.join(", ", v) + ")");
        return Arbitraries.oneOf(compare, in);
    }
}
