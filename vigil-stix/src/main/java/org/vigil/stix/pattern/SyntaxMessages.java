package org.vigil.stix.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns a parser's "unexpected token" into a sentence that says what was expected and how to fix it.
 */
final class SyntaxMessages {

    private static final Map<String, String> FOREIGN_OPERATORS = Map.of(
            "==", "=", "<>", "!=", "&&", "AND", "||", "OR");

    private static final List<Integer> LITERAL_TYPES = List.of(
            StixPatternLexer.IntLiteral, StixPatternLexer.FloatLiteral, StixPatternLexer.StringLiteral,
            StixPatternLexer.BoolLiteral, StixPatternLexer.BinaryLiteral, StixPatternLexer.HexLiteral,
            StixPatternLexer.TimestampLiteral);

    private static final List<Integer> OPERATOR_TYPES = List.of(
            StixPatternLexer.EQ, StixPatternLexer.NEQ, StixPatternLexer.GT, StixPatternLexer.LT,
            StixPatternLexer.GE, StixPatternLexer.LE, StixPatternLexer.IN, StixPatternLexer.LIKE,
            StixPatternLexer.MATCHES, StixPatternLexer.ISSUBSET, StixPatternLexer.ISSUPERSET);

    private static final List<Integer> QUALIFIER_TYPES = List.of(
            StixPatternLexer.WITHIN, StixPatternLexer.REPEATS, StixPatternLexer.START);

    private SyntaxMessages() {
    }

    /** Describes an offending token found where the parser expected one of {@code expected}. */
    static String describe(Token token, IntervalSet expected, int column) {
        String where = " at column " + column;
        return switch (token.getType()) {
            case Token.EOF -> "pattern ends too early" + where + "; expected " + expectation(expected);
            case StixPatternLexer.ErrorChar -> unexpectedCharacter(token.getText(), where, expected);
            case StixPatternLexer.UnterminatedString -> "string starting" + where
                    + " is not closed; add the closing ' (write \\' for a quote inside a string)";
            case StixPatternLexer.ForeignOperator -> "'" + token.getText() + "'" + where
                    + " is not a STIX operator; write " + FOREIGN_OPERATORS.get(token.getText());
            case StixPatternLexer.Identifier -> unexpectedWord(token.getText(), where, expected);
            default -> unexpectedToken(token, where, expected);
        };
    }

    private static String unexpectedCharacter(String text, String where, IntervalSet expected) {
        if (text.equals("\"")) {
            return "double quote" + where + " is not allowed; STIX strings use single quotes, e.g. 'a.exe'";
        }
        return "unexpected character '" + Excerpts.of(text) + "'" + where + "; expected " + expectation(expected);
    }

    private static String unexpectedWord(String word, String where, IntervalSet expected) {
        String quoted = "'" + Excerpts.of(word) + "'";
        Optional<String> wrongCase = wrongCase(word, expected);
        if (wrongCase.isPresent()) {
            return wrongCase.get() + " instead of " + quoted + where;
        }
        Optional<String> hint = Keywords.closest(word, expectedKeywords(expected));
        if (hint.isPresent()) {
            String kind = expectsQualifier(expected) ? "unknown qualifier " : "unknown keyword ";
            return kind + quoted + where + "; did you mean " + hint.get() + "?";
        }
        if (expected.contains(StixPatternLexer.LBRACK) && !expected.contains(StixPatternLexer.Identifier)) {
            return "expected '[' or '('" + where + " but found " + quoted
                    + "; put comparisons inside square brackets, e.g. [file:name = 'a.exe']";
        }
        return "unexpected " + quoted + where + "; expected " + expectation(expected);
    }

    /** Keywords are uppercase and booleans lowercase; says how to spell the word if only its case is wrong. */
    private static Optional<String> wrongCase(String word, IntervalSet expected) {
        Optional<String> upper = Keywords.uppercaseOf(word);
        if (upper.isPresent() && expected.contains(Keywords.type(upper.get()).orElseThrow())) {
            return Optional.of("keywords are uppercase: write " + upper.get());
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if ((lower.equals("true") || lower.equals("false")) && expected.contains(StixPatternLexer.BoolLiteral)) {
            return Optional.of("booleans are lowercase: write " + lower);
        }
        return Optional.empty();
    }

    private static String unexpectedToken(Token token, String where, IntervalSet expected) {
        String shown = token.getType() == StixPatternLexer.StringLiteral
                ? "string " + Excerpts.of(token.getText())
                : "'" + Excerpts.of(token.getText()) + "'";
        String message = "unexpected " + shown + where + "; expected " + expectation(expected);
        if (token.getType() == StixPatternLexer.FOLLOWEDBY && expected.contains(StixPatternLexer.RBRACK)) {
            return message + "; FOLLOWEDBY joins observation expressions, e.g. [a:b = 1] FOLLOWEDBY [a:b = 2]";
        }
        if (token.getType() == StixPatternLexer.StringLiteral && expected.contains(StixPatternLexer.COLON)) {
            return message + "; object types are written without quotes, e.g. file:name";
        }
        return message;
    }

    private static boolean expectsQualifier(IntervalSet expected) {
        return QUALIFIER_TYPES.stream().anyMatch(expected::contains);
    }

    private static List<String> expectedKeywords(IntervalSet expected) {
        List<String> keywords = new ArrayList<>();
        for (String keyword : Keywords.all()) {
            if (expected.contains(Keywords.type(keyword).orElseThrow())) {
                keywords.add(keyword);
            }
        }
        return keywords;
    }

    /** A readable list of what the parser would have accepted. */
    static String expectation(IntervalSet expected) {
        List<String> parts = new ArrayList<>();
        boolean literals = LITERAL_TYPES.stream().allMatch(expected::contains);
        boolean operators = OPERATOR_TYPES.stream().allMatch(expected::contains);
        if (literals) {
            parts.add("a literal such as 'text' or 42");
        }
        if (operators) {
            parts.add("a comparison operator such as =, !=, <, IN, LIKE or MATCHES");
        }
        for (int type : expected.toList()) {
            boolean covered = literals && LITERAL_TYPES.contains(type) || operators && OPERATOR_TYPES.contains(type);
            if (literals && type == StixPatternLexer.LPAREN) {
                parts.add("a set such as ('a', 'b')");
            } else if (!covered) {
                parts.add(displayName(type));
            }
        }
        return parts.isEmpty() ? "nothing more" : joinAlternatives(parts);
    }

    private static String joinAlternatives(List<String> parts) {
        if (parts.size() <= 2) {
            return String.join(" or ", parts);
        }
        return "one of " + String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static String displayName(int type) {
        return switch (type) {
            case Token.EOF -> "the end of the pattern";
            case StixPatternLexer.Identifier -> "an object type or property name";
            case StixPatternLexer.IntLiteral -> "an integer";
            case StixPatternLexer.FloatLiteral -> "a decimal number";
            case StixPatternLexer.StringLiteral -> "a string in single quotes";
            case StixPatternLexer.BoolLiteral -> "true or false";
            case StixPatternLexer.BinaryLiteral -> "a binary literal b'...'";
            case StixPatternLexer.HexLiteral -> "a hex literal h'...'";
            case StixPatternLexer.TimestampLiteral -> "a timestamp t'...Z'";
            default -> literalName(type);
        };
    }

    private static String literalName(int type) {
        String literal = StixPatternLexer.VOCABULARY.getLiteralName(type);
        if (literal == null) {
            return StixPatternLexer.VOCABULARY.getDisplayName(type);
        }
        return Keywords.isKeyword(type) ? literal.substring(1, literal.length() - 1) : literal;
    }
}
