package org.vigil.stix.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.stix.pattern.PatternAssertions.assertRejected;
import static org.vigil.stix.pattern.PatternAssertions.assertRejectedAt;
import static org.vigil.stix.pattern.PatternAssertions.assertValid;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigil.stix.pattern.StixPatternParser.BracketObservationContext;
import org.vigil.stix.pattern.StixPatternParser.ObservationExpressionsContext;
import org.vigil.stix.pattern.StixPatternParser.PatternContext;

/**
 * The grammar of STIX 2.1 patterns, its precedence, and how syntax errors are reported.
 */
final class PatternSyntaxTest {

    @Test
    void acceptsSingleComparison() {
        assertValid("[ipv4-addr:value = '198.51.100.1']");
    }

    @Test
    void acceptsQualifiedObservationSequence() {
        assertValid("[file:name = 'a.exe'] REPEATS 2 TIMES WITHIN 60 SECONDS FOLLOWEDBY "
                + "[ipv4-addr:value = '198.51.100.1'] START t'2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00Z'");
    }

    @Test
    void acceptsQualifiedParenthesizedObservations() {
        assertValid("([file:name = 'a'] AND [file:name = 'b'] OR [process:pid = 4]) WITHIN 300 SECONDS");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[file:size = 1]", "[file:size != 1]", "[file:size > 1]", "[file:size < 1]", "[file:size >= 1]",
        "[file:size <= 1]", "[file:size IN (1, 2)]", "[file:name LIKE 'a%']", "[file:name MATCHES '^a$']",
        "[ipv4-addr:value ISSUBSET '10.0.0.0/8']", "[ipv4-addr:value ISSUPERSET '10.1.2.3/32']"})
    void acceptsEveryComparisonOperator(String pattern) {
        assertValid(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[file:size NOT = 1]", "[file:size NOT != 1]", "[file:size NOT > 1]", "[file:size NOT IN (1, 2)]",
        "[file:name NOT LIKE 'a%']", "[file:name NOT MATCHES '^a$']", "[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']"})
    void acceptsNotBeforeComparisonOperators(String pattern) {
        assertValid(pattern);
    }

    @Test
    void acceptsExistsAndNotExists() {
        assertValid("[EXISTS file:name AND NOT EXISTS file:size]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[file:size = 42]", "[file:size = -42]", "[file:size = +42]", "[x-acme:ratio = 0.5]",
        "[x-acme:ratio = -.5]", "[file:name = 'a']", "[x-acme:flag = true]", "[x-acme:flag = false]",
        "[artifact:payload_bin = b'AQIDBA==']", "[file:magic_number_hex = h'ffD8']",
        "[file:created = t'2016-06-01T01:30:00.123Z']", "[file:name IN ('a', 'b')]", "[file:size IN ()]"})
    void acceptsEveryLiteralKind(String pattern) {
        assertValid(pattern);
    }

    @Test
    void acceptsQuotedIndexedAndReferencePathSteps() {
        assertValid("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0 AND "
                + "file:extensions.'ntfs-ext'.alternate_data_streams[0].name = 'x' AND "
                + "file:parent_directory_ref.path = 'C:\\\\Windows' AND file:'name' = 'y']");
    }

    @Test
    void acceptsEscapedQuoteAndBackslashInStrings() {
        assertValid("[file:name = 'it\\'s a \\\\ backslash']");
    }

    @Test
    void acceptsWhitespaceAndNewlinesBetweenTokens() {
        assertValid("\n\t[ file:name\n=\t'a' ]\r\n  AND\n[file:size=1]WITHIN 5 SECONDS ");
    }

    @Test
    void parsesFollowedByLoosestThenOrThenAnd() {
        PatternContext tree = tree("[a-b:c = 1] AND [a-b:c = 2] OR [a-b:c = 3] FOLLOWEDBY [a-b:c = 4] AND [a-b:c = 5]");
        ObservationExpressionsContext sequence = tree.observationExpressions();
        assertEquals(2, sequence.observationOr().size(), "FOLLOWEDBY splits the pattern in two");
        assertEquals(2, sequence.observationOr(0).observationAnd().size(), "OR splits the first part in two");
        assertEquals(2, sequence.observationOr(0).observationAnd(0).qualifiedObservation().size(),
                "AND binds its two neighbours together");
        assertEquals(1, sequence.observationOr(1).observationAnd().size());
    }

    @Test
    void parsesQualifiersTighterThanObservationOperators() {
        PatternContext tree = tree("[a-b:c = 1] AND [a-b:c = 2] WITHIN 5 SECONDS REPEATS 2 TIMES");
        var observations = tree.observationExpressions().observationOr(0).observationAnd(0).qualifiedObservation();
        assertEquals(0, observations.get(0).qualifier().size());
        assertEquals(2, observations.get(1).qualifier().size(), "qualifiers belong to the nearest observation");
    }

    @Test
    void parsesComparisonAndTighterThanOr() {
        PatternContext tree = tree("[a-b:c = 1 OR a-b:c = 2 AND a-b:c = 3]");
        var bracket = (BracketObservationContext) tree.observationExpressions()
                .observationOr(0).observationAnd(0).qualifiedObservation(0).observation();
        var disjuncts = bracket.comparisonExpression().comparisonAnd();
        assertEquals(List.of(1, 2), disjuncts.stream().map(d -> d.propTest().size()).toList());
    }

    @Test
    void acceptsAndOfSameTypeInsideOrOfDifferentTypes() {
        // Only valid because AND binds tighter than OR: (file AND file) OR (ipv4-addr AND ipv4-addr).
        assertValid("[file:name = 'a' AND file:size = 1 OR ipv4-addr:value = '10.0.0.1' AND ipv4-addr:value = '10.0.0.2']");
    }

    @Test
    void rejectsComparisonOutsideBrackets() {
        assertRejectedAt("file:name = 'a'", 0, "put comparisons inside square brackets");
    }

    @Test
    void rejectsLowercaseKeywordSuggestingUppercase() {
        assertRejectedAt("[file:name = 'a' and file:size = 1]", 17, "write AND instead of 'and'");
    }

    @Test
    void rejectsMisspelledQualifierSuggestingRepeats() {
        PatternProblem problem = assertRejected("[file:name = 'a'] REPEAT 5 TIMES", "unknown qualifier 'REPEAT'");
        assertEquals("unknown qualifier 'REPEAT' at column 18; did you mean REPEATS?", problem.message());
    }

    @Test
    void rejectsMisspelledUnitSuggestingSeconds() {
        assertRejected("[file:name = 'a'] WITHIN 5 SECOND", "did you mean SECONDS?");
    }

    @Test
    void rejectsUppercaseBooleanSuggestingLowercase() {
        assertRejectedAt("[x-acme:flag = TRUE]", 15, "booleans are lowercase: write true");
    }

    @Test
    void rejectsUnpairedSurrogatesWithoutThrowing() {
        assertRejectedAt("[file:name = '\uD800'] \uDC00", 18, "unexpected character '\\udc00'");
    }

    @Test
    void rejectsWithinWithoutUnit() {
        assertRejected("[file:name = 'a'] WITHIN 5", "expected SECONDS");
    }

    @Test
    void rejectsDoubleQuotedString() {
        assertRejectedAt("[file:name = \"a\"]", 13, "STIX strings use single quotes");
    }

    @Test
    void rejectsUnterminatedString() {
        assertRejectedAt("[file:name = 'a]", 13, "is not closed");
    }

    @Test
    void rejectsOperatorsFromOtherLanguages() {
        assertRejected("[file:name == 'a']", "write =");
        assertRejected("[file:size = 1 && file:name = 'a']", "write AND");
    }

    @Test
    void rejectsFollowedByInsideBrackets() {
        assertRejected("[file:name = 'a' FOLLOWEDBY file:name = 'b']", "FOLLOWEDBY joins observation expressions");
    }

    @Test
    void rejectsMissingComparisonOperator() {
        assertRejectedAt("[file:name 'a']", 11, "a comparison operator");
    }

    @Test
    void rejectsTrailingTokens() {
        assertRejectedAt("[file:name = 'a'] ]", 18, "the end of the pattern");
    }

    @Test
    void rejectsEmptyAndBlankPatterns() {
        assertRejectedAt("", 0, "pattern is empty");
        assertRejectedAt(" \n\t", 0, "pattern is empty");
    }

    @Test
    void rejectsNullPattern() {
        assertRejectedAt(null, 0, "null");
    }

    @Test
    void reportsOnlyTheFirstSyntaxError() {
        assertEquals(1, Pattern.check("[file:name = ] AND [foo bar] REPEAT").problems().size());
    }

    @Test
    void reportsColumnsAsCharacterOffsetsAfterSupplementaryCharacters() {
        // The emoji is one code point but two Java characters; columns count characters.
        assertRejectedAt("[file:name = '\uD83D\uDE00'] bogus", 19, "'bogus'");
    }

    @Test
    void acceptsNestingOfTwoHundredLevels() {
        assertValid("(".repeat(199) + "[file:name = 'a']" + ")".repeat(199));
    }

    @Test
    void rejectsNestingDeeperThanTwoHundredLevels() {
        assertRejectedAt("(".repeat(200) + "[file:name = 'a']" + ")".repeat(200), 200, "deeper than 200 levels");
    }

    @Test
    void survivesHugeNestingWithoutStackOverflow() {
        assertRejected("(".repeat(500_000) + "[" + "(".repeat(400_000), "deeper than 200 levels");
    }

    @Test
    void acceptsLongFlatPatternsWithoutDeepRecursion() {
        assertValid("[" + "file:size = 1 AND ".repeat(30_000) + "file:size = 1]");
        assertValid("[file:size = 1] FOLLOWEDBY ".repeat(30_000) + "[file:size = 1]");
    }

    @Test
    void rejectsPatternsLongerThanOneMebibyte() {
        String tooLong = "[file:name = '" + "a".repeat(Pattern.MAX_LENGTH) + "']";
        assertRejectedAt(tooLong, Pattern.MAX_LENGTH, "longer than 1048576 characters");
    }

    @Test
    void acceptsPatternJustUnderTheLengthLimit() {
        String prefix = "[file:name = '";
        String pattern = prefix + "a".repeat(Pattern.MAX_LENGTH - prefix.length() - 2) + "']";
        assertEquals(Pattern.MAX_LENGTH, pattern.length());
        assertValid(pattern);
    }

    @Test
    void reportsNoObjectTypesForUnparsablePatterns() {
        assertTrue(Pattern.check("[file:name = ").objectTypes().isEmpty());
    }

    private static PatternContext tree(String pattern) {
        StixPatternParser parser = new StixPatternParser(
                new CommonTokenStream(new StixPatternLexer(CharStreams.fromString(pattern))));
        parser.removeErrorListeners();
        PatternContext tree = parser.pattern();
        assertEquals(0, parser.getNumberOfSyntaxErrors());
        return tree;
    }
}
