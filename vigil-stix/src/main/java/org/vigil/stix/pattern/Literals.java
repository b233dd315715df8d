package org.vigil.stix.pattern;

import java.time.Instant;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Validates the text of literal tokens and reads their values.
 */
final class Literals {

    private Literals() {
    }

    /** Reports what is wrong inside one primitive literal, whatever it is compared with. */
    static void checkContent(Token token, Problems problems) {
        switch (token.getType()) {
            case StixPatternLexer.IntLiteral, StixPatternLexer.FloatLiteral -> checkNumber(token, problems);
            case StixPatternLexer.StringLiteral -> checkEscapes(token, problems);
            case StixPatternLexer.BinaryLiteral -> checkBase64(token, problems);
            case StixPatternLexer.HexLiteral -> checkHex(token, problems);
            case StixPatternLexer.TimestampLiteral -> checkTimestamp(token, problems);
            default -> {
                // Booleans are spelled by the lexer itself; nothing can be wrong inside them.
            }
        }
    }

    /** The value of a string literal with its escapes resolved. */
    static String stringValue(Token token) {
        String text = token.getText();
        StringBuilder value = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                c = text.charAt(i);
            }
            value.append(c);
        }
        return value.toString();
    }

    /** The instant of a timestamp literal, or empty if its text is not a valid timestamp. */
    static Optional<Instant> timestamp(Token token) {
        return Timestamps.parse(quoted(token));
    }

    /** The text between the quotes of a prefixed literal such as h'ff'. */
    static String quoted(Token prefixed) {
        String text = prefixed.getText();
        return text.substring(2, text.length() - 1);
    }

    private static void checkNumber(Token token, Problems problems) {
        String digits = token.getText().replaceFirst("^[+-]", "");
        if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1))) {
            problems.report(token, "number " + token.getText() + " has a leading zero",
                    "write it without leading zeros, e.g. " + digits.replaceFirst("^0+(?=\\d)", ""));
        }
    }

    private static void checkEscapes(Token token, Problems problems) {
        String text = token.getText();
        for (int i = 1; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\\') {
                char escaped = text.charAt(i + 1);
                if (escaped != '\'' && escaped != '\\') {
                    problems.report(problems.column(token) + i, "invalid escape \\" + escaped + " in a string",
                            "only \\' and \\\\ are escapes in STIX strings; write \\\\ for a backslash");
                    return;
                }
                i++;
            }
        }
    }

    private static void checkBase64(Token token, Problems problems) {
        if (!isBase64(quoted(token))) {
            problems.report(token, "binary literal " + Excerpts.of(token.getText()) + " is not valid base64",
                    "use the characters A-Z a-z 0-9 + / in groups of four, padded with =, e.g. b'AQIDBA=='");
        }
    }

    private static void checkHex(Token token, Problems problems) {
        String hex = quoted(token);
        boolean digitsOnly = hex.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0);
        if (!digitsOnly || hex.length() % 2 != 0) {
            problems.report(token, "hex literal " + Excerpts.of(token.getText()) + " is not an even number of hex digits",
                    "write whole bytes as pairs of 0-9 a-f, e.g. h'ffd8'");
        }
    }

    private static void checkTimestamp(Token token, Problems problems) {
        if (timestamp(token).isEmpty()) {
            problems.report(token, "timestamp " + Excerpts.of(token.getText()) + " is not a valid RFC 3339 UTC timestamp",
                    "write a real date and time in UTC ending in Z, e.g. t'2016-06-01T01:30:00.123Z'");
        }
    }

    /** Standard base64 with padding: whole groups of four, '=' only in the last one. */
    static boolean isBase64(String text) {
        if (text.length() % 4 != 0) {
            return false;
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        for (int i = 0; i < text.length() - padding; i++) {
            char c = text.charAt(i);
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (!alphabet) {
                return false;
            }
        }
        return true;
    }
}
