package org.vigil.stix.pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of Pattern.check: patterns generated from the grammar are accepted, and no input throws.
 */
final class PatternPropertiesTest {

    /** Observation-level nesting of generated patterns; real indicators rarely go deeper. */
    private static final int MAX_GENERATED_DEPTH = 3;

    private static final List<String> TOKENS = List.of(
            "[", "]", "(", ")", ":", ".", ",", "*", "=", "!=", "<", ">", "<=", ">=", "AND", "OR", "NOT",
            "FOLLOWEDBY", "WITHIN", "SECONDS", "REPEATS", "TIMES", "START", "STOP", "IN", "LIKE", "MATCHES",
            "ISSUBSET", "ISSUPERSET", "EXISTS", "file", "name", "hashes", "'SHA-256'", "ipv4-addr", "value",
            "x-acme", "0", "-1", "5", "2.5", "'a'", "'(x'", "'\\\\'", "'", "true", "b'AQ=='", "h'ff'",
            "t'2016-06-01T01:30:00Z'", "t'bad'", "\"", "@", "\n", " ", "\uD83D\uDE00");

    @Property(tries = 500)
    void acceptsPatternsGeneratedFromTheGrammar(@ForAll("validPatterns") String pattern) {
        PatternCheck check = Pattern.check(pattern);
        assertTrue(check.valid(), () -> pattern + " -> " + check.problems());
        assertTrue(!check.objectTypes().isEmpty());
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryStrings(@ForAll @StringLength(max = 300) String input) {
        assertNotNull(Pattern.check(input));
    }

    @Property(tries = 1000)
    void neverThrowsOnSoupsOfPatternTokens(@ForAll("tokenSoup") String input) {
        assertNotNull(Pattern.check(input));
    }

    @Property(tries = 500)
    void neverThrowsOnValidPatternsWithACharacterRemoved(@ForAll("validPatterns") String pattern,
            @ForAll("fractions") double where) {
        int index = (int) (where * pattern.length());
        assertNotNull(Pattern.check(pattern.substring(0, index) + pattern.substring(index + 1)));
    }

    @Provide
    Arbitrary<String> validPatterns() {
        return observationExpressions(MAX_GENERATED_DEPTH);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }

    private Arbitrary<String> observationExpressions(int depth) {
        Arbitrary<String> operator = Arbitraries.of(" AND ", " OR ", " FOLLOWEDBY ");
        return Arbitraries.lazy(() -> qualifiedObservation(depth)).list().ofMinSize(1).ofMaxSize(3)
                .flatMap(observations -> operator.list().ofSize(observations.size() - 1)
                        .map(operators -> interleave(observations, operators)));
    }

    private Arbitrary<String> qualifiedObservation(int depth) {
        Arbitrary<String> observation = depth == 0
                ? bracketObservation()
                : Arbitraries.frequencyOf(List.of(
                        Tuple.of(4, bracketObservation()),
                        Tuple.of(1, observationExpressions(depth - 1).map(inner -> "(" + inner + ")"))));
        return Combinators.combine(observation, qualifiers()).as((o, q) -> o + q);
    }

    /** At most one qualifier of each kind, as STIX requires, in any order. */
    private Arbitrary<String> qualifiers() {
        Arbitrary<String> within = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 86_400).map(String::valueOf),
                Arbitraries.of("0.5", ".25", "1.0")).map(s -> " WITHIN " + s + " SECONDS");
        Arbitrary<String> repeats = Arbitraries.integers().between(1, 1000).map(n -> " REPEATS " + n + " TIMES");
        Arbitrary<String> startStop = Combinators.combine(timestamps(), Arbitraries.longs().between(1, 10_000_000))
                .as((start, length) -> " START " + timestamp(start) + " STOP " + timestamp(start.plusSeconds(length)));
        return Combinators.combine(within.optional(0.25), repeats.optional(0.25), startStop.optional(0.25))
                .as((w, r, s) -> List.of(w.orElse(""), r.orElse(""), s.orElse("")))
                .flatMap(parts -> Arbitraries.shuffle(parts).map(shuffled -> String.join("", shuffled)));
    }

    private Arbitrary<String> bracketObservation() {
        return comparisonExpression(2).map(c -> "[" + c + "]");
    }

    /** OR may mix object types; every AND chain below it sticks to one type. */
    private Arbitrary<String> comparisonExpression(int depth) {
        return Arbitraries.lazy(() -> conjunction(depth)).list().ofMinSize(1).ofMaxSize(3)
                .map(conjunctions -> String.join(" OR ", conjunctions));
    }

    private Arbitrary<String> conjunction(int depth) {
        return Arbitraries.of(ObjectFixture.values()).flatMap(type -> comparison(type, depth).list()
                .ofMinSize(1).ofMaxSize(3).map(tests -> String.join(" AND ", tests)));
    }

    private Arbitrary<String> comparison(ObjectFixture type, int depth) {
        Arbitrary<String> plain = type.comparisons();
        Arbitrary<String> exists = Arbitraries.of(type.paths()).map(p -> "EXISTS " + p);
        if (depth == 0) {
            return Arbitraries.oneOf(plain, exists);
        }
        // A parenthesized group inside an AND chain stays on the chain's type.
        Arbitrary<String> group = type.comparisons().list().ofMinSize(1).ofMaxSize(2)
                .map(tests -> "(" + String.join(" OR ", tests) + ")");
        return Arbitraries.frequencyOf(List.of(Tuple.of(6, plain), Tuple.of(1, exists), Tuple.of(1, group)));
    }

    static Arbitrary<Instant> timestamps() {
        return Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond)
                .flatMap(t -> Arbitraries.integers().between(0, 999).map(ms -> t.plusMillis(ms)));
    }

    static String timestamp(Instant instant) {
        return "t'" + instant + "'";
    }

    private static String interleave(List<String> operands, List<String> operators) {
        StringBuilder out = new StringBuilder(operands.get(0));
        for (int i = 0; i < operators.size(); i++) {
            out.append(operators.get(i)).append(operands.get(i + 1));
        }
        return out.toString();
    }

    static Arbitrary<String> strings() {
        return Arbitraries.strings().withChars("abz09 %_-.'\\").ofMaxLength(8)
                .map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'");
    }
}
