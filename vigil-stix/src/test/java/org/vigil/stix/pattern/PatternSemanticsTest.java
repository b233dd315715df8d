package org.vigil.stix.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.stix.pattern.PatternAssertions.assertRejected;
import static org.vigil.stix.pattern.PatternAssertions.assertRejectedAt;
import static org.vigil.stix.pattern.PatternAssertions.assertValid;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules STIX 2.1 sets on patterns beyond their grammar.
 */
final class PatternSemanticsTest {

    @Nested
    final class ObjectTypeNames {

        @Test
        void acceptsCustomObjectTypes() {
            assertValid("[x-acme-widget:serial = '42']");
        }

        @Test
        void acceptsObjectTypeOfTwoHundredFiftyCharacters() {
            assertValid("[" + "a".repeat(250) + ":name = 'x']");
        }

        @Test
        void rejectsUppercaseObjectType() {
            assertRejectedAt("[File:name = 'a']", 1, "may only contain a-z, 0-9 and '-'");
        }

        @Test
        void rejectsUnderscoreInObjectType() {
            assertRejected("[x_widget:name = 'a']", "e.g. x-widget");
        }

        @Test
        void rejectsObjectTypeShorterThanThreeCharacters() {
            assertRejected("[ab:name = 'a']", "3 to 250 characters");
        }

        @Test
        void rejectsObjectTypeLongerThanTwoHundredFiftyCharacters() {
            assertRejected("[" + "a".repeat(251) + ":name = 'x']", "3 to 250 characters");
        }
    }

    @Nested
    final class PropertyNames {

        @Test
        void acceptsSnakeCasePropertiesAndTheShortIdProperty() {
            assertValid("[file:parent_directory_ref.id = 'directory--1' AND file:x_acme_score = 3]");
        }

        @Test
        void rejectsUppercasePropertyName() {
            assertRejectedAt("[file:Name = 'a']", 6, "must be lowercase");
        }

        @Test
        void rejectsUnquotedHyphenatedExtensionName() {
            assertRejected("[file:extensions.windows-pebinary-ext.sections[*].entropy > 7.0]",
                    "must quote keys containing '-'");
        }

        @Test
        void rejectsUnquotedHashNameContainingHyphen() {
            PatternProblem problem = assertRejected("[file:hashes.SHA-256 = 'ab']", "must quote hash names");
            assertEquals("object path 'file:hashes.SHA-256' must quote hash names containing '-' at column 13; "
                    + "write hashes.'SHA-256', e.g. file:hashes.'SHA-256'", problem.message());
        }

        @Test
        void acceptsUnquotedUppercaseDictionaryKey() {
            assertValid("[file:hashes.MD5 = 'ab' OR process:environment_variables.PATH = '/bin']");
        }

        @Test
        void rejectsHyphenatedPropertyName() {
            assertRejected("[file:file-name = 'a']", "contains '-'");
        }

        @Test
        void rejectsPropertyNameShorterThanThreeCharacters() {
            assertRejected("[file:nm = 'a']", "3 to 250 characters");
        }

        @Test
        void acceptsQuotedKeysOfAnyCase() {
            assertValid("[email-message:additional_header_fields.'X-Mailer' = 'x']");
        }

        @Test
        void rejectsEmptyQuotedKey() {
            assertRejected("[file:hashes.'' = 'x']", "1 to 250 characters");
        }

        @Test
        void acceptsWildcardAndZeroIndexes() {
            assertValid("[network-traffic:protocols[*] = 'tcp' AND network-traffic:protocols[0] = 'ipv4']");
        }

        @Test
        void rejectsNegativeListIndex() {
            assertRejectedAt("[network-traffic:protocols[-1] = 'tcp']", 27, "list index -1");
        }
    }

    @Nested
    final class Qualifiers {

        @Test
        void acceptsRepeatsWithPositiveCount() {
            assertValid("[file:name = 'a'] REPEATS 3 TIMES");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-2", "2.5", "'3'"})
        void rejectsRepeatsWithoutPositiveIntegerCount(String count) {
            assertRejectedAt("[file:name = 'a'] REPEATS " + count + " TIMES", 26, "REPEATS needs a positive integer");
        }

        @Test
        void rejectsRepeatsWithZeroCount() {
            assertRejected("[file:name = 'a'] REPEATS 0 TIMES", "got 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "300", "0.5", ".25"})
        void acceptsWithinWithPositiveSeconds(String seconds) {
            assertValid("[file:name = 'a'] WITHIN " + seconds + " SECONDS");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.0", "-5", "'5'", "t'2024-01-01T00:00:00Z'"})
        void rejectsWithinWithoutPositiveSeconds(String seconds) {
            assertRejectedAt("[file:name = 'a'] WITHIN " + seconds + " SECONDS", 25, "WITHIN needs a positive number");
        }

        @Test
        void acceptsStartBeforeStop() {
            assertValid("[file:name = 'a'] START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T01:30:00.001Z'");
        }

        @Test
        void rejectsStopBeforeStart() {
            assertRejectedAt("[file:name = 'a'] START t'2016-06-01T03:00:00Z' STOP t'2016-06-01T02:00:00Z'", 53,
                    "is not later than START");
        }

        @Test
        void rejectsStopEqualToStart() {
            assertRejected("[file:name = 'a'] START t'2016-06-01T03:00:00Z' STOP t'2016-06-01T03:00:00.000Z'",
                    "is not later than START");
        }

        @Test
        void rejectsStartWithoutTimestampLiteral() {
            assertRejected("[file:name = 'a'] START '2016-06-01T03:00:00Z' STOP t'2016-06-02T03:00:00Z'",
                    "START needs a timestamp literal");
        }

        @Test
        void rejectsInvalidTimestampInStop() {
            assertRejected("[file:name = 'a'] START t'2016-06-01T03:00:00Z' STOP t'2016-06-32T03:00:00Z'",
                    "not a valid RFC 3339 UTC timestamp");
        }

        @Test
        void rejectsTwoQualifiersOfOneKindOnOneObservation() {
            assertRejectedAt("[file:name = 'a'] WITHIN 5 SECONDS WITHIN 60 SECONDS", 35, "a second WITHIN qualifier");
        }

        @Test
        void acceptsRequalifyingAParenthesizedObservation() {
            assertValid("([file:name = 'a'] WITHIN 5 SECONDS) WITHIN 60 SECONDS");
        }

        @Test
        void acceptsOneQualifierOfEachKind() {
            assertValid("[file:name = 'a'] WITHIN 5 SECONDS REPEATS 2 TIMES "
                    + "START t'2016-06-01T00:00:00Z' STOP t'2016-06-02T00:00:00Z'");
        }
    }

    @Nested
    final class Literals {

        @ParameterizedTest
        @ValueSource(strings = {"2016-06-01T01:30:00Z", "2016-06-01T01:30:00.1Z", "2016-06-01T01:30:00.123456789Z",
            "2016-02-29T23:59:59Z", "2016-12-31T23:59:60Z"})
        void acceptsRfc3339UtcTimestamps(String timestamp) {
            assertValid("[file:created = t'" + timestamp + "']");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2016-06-01", "2016-06-01T01:30:00", "2016-06-01T01:30:00+01:00",
            "2016-06-01t01:30:00z", "2016-06-01 01:30:00Z", "2015-02-29T00:00:00Z", "2016-06-01T24:00:00Z",
            "2016-06-01T01:30:00.Z"})
        void rejectsTimestampsThatAreNotRfc3339Utc(String timestamp) {
            assertRejectedAt("[file:created = t'" + timestamp + "']", 16, "not a valid RFC 3339 UTC timestamp");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "AQID", "AQI=", "AQ==", "+/+/"})
        void acceptsBase64BinaryLiterals(String base64) {
            assertValid("[artifact:payload_bin = b'" + base64 + "']");
        }

        @ParameterizedTest
        @ValueSource(strings = {"AQI", "AQ=I", "A===", "AQ*D", "AQID\n"})
        void rejectsInvalidBase64(String base64) {
            assertRejected("[artifact:payload_bin = b'" + base64 + "']", "is not valid base64");
        }

        @Test
        void acceptsEvenNumberOfHexDigits() {
            assertValid("[file:magic_number_hex = h'0aFF']");
        }

        @ParameterizedTest
        @ValueSource(strings = {"fff", "zz", "0x00"})
        void rejectsHexLiteralsThatAreNotWholeBytes(String hex) {
            assertRejected("[file:magic_number_hex = h'" + hex + "']", "is not an even number of hex digits");
        }

        @Test
        void rejectsUnknownEscapeInString() {
            assertRejectedAt("[file:name = 'C:\\Windows']", 16, "invalid escape \\W");
        }

        @Test
        void rejectsIntegersWithLeadingZeros() {
            assertRejected("[file:size = 007]", "leading zero");
        }

        @Test
        void acceptsSetOfOneType() {
            assertValid("[file:name IN ('a', 'b', 'c')]");
        }

        @Test
        void acceptsSetMixingIntegersAndDecimals() {
            assertValid("[file:size IN (1, 2.5)]");
        }

        @Test
        void rejectsSetMixingTypes() {
            assertRejectedAt("[file:name IN ('a', 1)]", 20, "set literal mixes a string and an integer");
        }
    }

    @Nested
    final class Operators {

        @Test
        void rejectsInWithoutSetLiteral() {
            assertRejectedAt("[file:name IN 'a']", 14, "IN needs a set literal");
        }

        @Test
        void rejectsSetLiteralWithEquals() {
            assertRejected("[file:name = ('a', 'b')]", "use IN");
        }

        @Test
        void acceptsLikeWithString() {
            assertValid("[file:name LIKE '%.exe']");
        }

        @Test
        void rejectsLikeWithoutString() {
            assertRejected("[file:name LIKE 5]", "LIKE needs a string");
        }

        @Test
        void acceptsMatchesWithCompilingRegularExpression() {
            assertValid("[file:name MATCHES '^[a-z]+\\\\.(exe|dll)$']");
        }

        @Test
        void rejectsMatchesWithoutString() {
            assertRejected("[file:name MATCHES h'00']", "MATCHES needs a string");
        }

        @Test
        void rejectsMatchesWithRegularExpressionThatDoesNotCompile() {
            assertRejected("[file:name MATCHES '(abc']", "does not compile (Unclosed group");
        }

        @Test
        void rejectsMatchesWithTooDeeplyNestedRegularExpression() {
            assertRejected("[file:name MATCHES '" + "(".repeat(5000) + "a" + ")".repeat(5000) + "']", "nest deeper");
        }

        @ParameterizedTest
        @ValueSource(strings = {"198.51.100.0/24", "10.0.0.1", "2001:db8::/32", "::ffff:192.0.2.1/128", "::/0"})
        void acceptsIssubsetWithCidr(String cidr) {
            assertValid("[ipv4-addr:value ISSUBSET '" + cidr + "']");
        }

        @ParameterizedTest
        @ValueSource(strings = {"198.51.100.0/33", "256.0.0.1", "example.com", "1::2::3", "2001:db8::/129", ""})
        void rejectsIssupersetWithoutCidr(String cidr) {
            assertRejected("[ipv4-addr:value ISSUPERSET '" + cidr + "']", "CIDR");
        }

        @Test
        void rejectsIssubsetWithoutString() {
            assertRejected("[ipv4-addr:value ISSUBSET 10]", "ISSUBSET needs a string");
        }

        @Test
        void rejectsOrderingBooleans() {
            assertRejected("[x-acme:flag > true]", "> cannot order a boolean");
        }

        @Test
        void acceptsOrderingTimestampsStringsAndBinaries() {
            assertValid("[file:created > t'2016-01-01T00:00:00Z' AND file:name >= 'a' AND file:magic_number_hex < h'ff']");
        }
    }

    @Nested
    final class SameObjectTypeUnderAnd {

        @Test
        void rejectsAndOfComparisonsAboutDifferentTypes() {
            assertRejectedAt("[file:name = 'a' AND ipv4-addr:value = '10.0.0.1']", 17,
                    "all comparisons in an observation expression joined by AND must be about the same object type");
        }

        @Test
        void acceptsOrOfComparisonsAboutDifferentTypes() {
            assertValid("[file:name = 'a' OR ipv4-addr:value = '10.0.0.1']");
        }

        @Test
        void acceptsAndOfObservationExpressionsAboutDifferentTypes() {
            assertValid("[file:name = 'a'] AND [ipv4-addr:value = '10.0.0.1']");
        }

        @Test
        void acceptsAndWhoseOperandsShareASatisfyingType() {
            assertValid("[(file:name = 'a' OR ipv4-addr:value = 'x') AND (file:size = 1 OR ipv4-addr:value = 'y')]");
            assertValid("[file:name = 'a' AND (file:size = 1 OR ipv4-addr:value = 'y')]");
        }

        @Test
        void rejectsAndOfGroupsThatShareNoType() {
            assertRejected("[(file:name = 'a' OR process:pid = 1) AND (ipv4-addr:value = 'x' OR url:value = 'y')]",
                    "which no single object can satisfy");
        }

        @Test
        void reportsAMismatchedChainOnce() {
            assertEquals(1, Pattern.check("[file:name = 'a' AND url:value = 'b' AND file:size = 1]").problems().size());
        }
    }

    @Nested
    final class Results {

        @Test
        void collectsObjectTypesSortedAcrossObservations() {
            PatternCheck check = assertValid("[url:value = 'a'] OR ([file:name = 'a'] AND [ipv4-addr:value = 'x' OR file:size = 1])");
            assertEquals(List.of("file", "ipv4-addr", "url"), List.copyOf(check.objectTypes()));
        }

        @Test
        void collectsObjectTypesEvenWhenRulesAreBroken() {
            assertEquals(Set.of("file"), Pattern.check("[file:name = 'a'] REPEATS 0 TIMES").objectTypes());
        }

        @Test
        void ordersProblemsByColumn() {
            List<PatternProblem> problems = Pattern.check("[file:size = 007 AND file:Name LIKE 1] REPEATS 0 TIMES").problems();
            assertEquals(List.of(13, 26, 36, 47), problems.stream().map(PatternProblem::column).toList());
        }

        @Test
        void capsTheNumberOfProblems() {
            String pattern = "[" + "file:Name = 'a' AND ".repeat(500) + "file:name = 'a']";
            assertEquals(Problems.MAX_PROBLEMS, Pattern.check(pattern).problems().size());
        }
    }
}
