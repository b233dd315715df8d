package org.vigil.stix.pattern;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.vigil.stix.pattern.StixPatternParser.LiteralContext;
import org.vigil.stix.pattern.StixPatternParser.QualifierContext;
import org.vigil.stix.pattern.StixPatternParser.RepeatsQualifierContext;
import org.vigil.stix.pattern.StixPatternParser.StartStopQualifierContext;
import org.vigil.stix.pattern.StixPatternParser.WithinQualifierContext;

/**
 * Checks the WITHIN, REPEATS and START/STOP qualifiers of one observation expression.
 */
final class Qualifiers {

    private enum Kind { WITHIN, REPEATS, START_STOP }

    private Qualifiers() {
    }

    /** Reports bad operands, and any kind of qualifier used twice on the same observation expression. */
    static void check(Iterable<QualifierContext> qualifiers, Problems problems) {
        Set<Kind> seen = EnumSet.noneOf(Kind.class);
        for (QualifierContext qualifier : qualifiers) {
            Kind kind = checkOne(qualifier, problems);
            if (!seen.add(kind)) {
                // STIX 2.1: an observation expression MUST NOT have more than one qualifier of a type.
                problems.report(qualifier.getStart(), "a second " + qualifier.getStart().getText()
                        + " qualifier on the same observation expression",
                        "keep one, or wrap the qualified part in parentheses to qualify it again, "
                                + "e.g. ([a:b = 1] WITHIN 5 SECONDS) WITHIN 60 SECONDS");
            }
        }
    }

    private static Kind checkOne(QualifierContext qualifier, Problems problems) {
        if (qualifier instanceof WithinQualifierContext within) {
            checkWithin(within.literal(), problems);
            return Kind.WITHIN;
        }
        if (qualifier instanceof RepeatsQualifierContext repeats) {
            checkRepeats(repeats.literal(), problems);
            return Kind.REPEATS;
        }
        checkStartStop((StartStopQualifierContext) qualifier, problems);
        return Kind.START_STOP;
    }

    private static void checkWithin(LiteralContext seconds, Problems problems) {
        Token token = seconds.getStart();
        boolean number = seconds.primitiveLiteral() != null
                && (token.getType() == StixPatternLexer.IntLiteral || token.getType() == StixPatternLexer.FloatLiteral);
        if (number) {
            Literals.checkContent(token, problems);
        }
        if (!number || !isPositive(token.getText())) {
            problems.report(token, "WITHIN needs a positive number of seconds but got " + Excerpts.of(seconds.getText()),
                    "write e.g. WITHIN 300 SECONDS");
        }
    }

    private static void checkRepeats(LiteralContext count, Problems problems) {
        Token token = count.getStart();
        boolean integer = count.primitiveLiteral() != null && token.getType() == StixPatternLexer.IntLiteral;
        if (integer) {
            Literals.checkContent(token, problems);
        }
        if (!integer || !isPositive(token.getText())) {
            problems.report(token, "REPEATS needs a positive integer count but got " + Excerpts.of(count.getText()),
                    "write e.g. REPEATS 5 TIMES");
        }
    }

    private static void checkStartStop(StartStopQualifierContext qualifier, Problems problems) {
        Optional<Instant> start = timestamp(qualifier.literal(0), "START", problems);
        Optional<Instant> stop = timestamp(qualifier.literal(1), "STOP", problems);
        if (start.isPresent() && stop.isPresent() && !stop.get().isAfter(start.get())) {
            problems.report(qualifier.literal(1).getStart(), "STOP " + Excerpts.of(qualifier.literal(1).getText())
                    + " is not later than START " + Excerpts.of(qualifier.literal(0).getText()),
                    "give a STOP time after the START time");
        }
    }

    private static Optional<Instant> timestamp(LiteralContext literal, String keyword, Problems problems) {
        Token token = literal.getStart();
        if (literal.primitiveLiteral() == null || token.getType() != StixPatternLexer.TimestampLiteral) {
            problems.report(token, keyword + " needs a timestamp literal but got " + Excerpts.of(literal.getText()),
                    "write e.g. START t'2016-06-01T01:30:00Z' STOP t'2016-06-01T02:20:00Z'");
            return Optional.empty();
        }
        Literals.checkContent(token, problems);
        return Literals.timestamp(token);
    }

    /** Read from the text, because parsing a megabyte of digits into a BigDecimal is slow. */
    private static boolean isPositive(String number) {
        return !number.startsWith("-") && number.chars().anyMatch(c -> c >= '1' && c <= '9');
    }
}
