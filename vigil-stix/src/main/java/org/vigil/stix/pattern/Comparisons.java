package org.vigil.stix.pattern;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.vigil.stix.pattern.StixPatternParser.ComparisonTestContext;
import org.vigil.stix.pattern.StixPatternParser.LiteralContext;
import org.vigil.stix.pattern.StixPatternParser.PrimitiveLiteralContext;
import org.vigil.stix.pattern.StixPatternParser.SetLiteralContext;

/**
 * Checks that a comparison operator gets the kind of literal it can work with.
 */
final class Comparisons {

    private Comparisons() {
    }

    /** Reports problems with the literal of a comparison and with its fit to the operator. */
    static void check(ComparisonTestContext test, Problems problems) {
        Token operator = test.comparisonOperator().getStart();
        LiteralContext literal = test.literal();
        if (literal.setLiteral() != null) {
            checkSet(literal.setLiteral(), problems);
        } else {
            Literals.checkContent(literal.primitiveLiteral().getStart(), problems);
        }
        checkOperand(operator, literal, problems);
    }

    private static void checkOperand(Token operator, LiteralContext literal, Problems problems) {
        LiteralKind kind = kind(literal);
        Token at = literal.getStart();
        switch (operator.getType()) {
            case StixPatternLexer.IN -> requireSet(kind, at, problems);
            case StixPatternLexer.EQ, StixPatternLexer.NEQ -> rejectSet(operator, kind, at, problems);
            case StixPatternLexer.GT, StixPatternLexer.LT, StixPatternLexer.GE, StixPatternLexer.LE ->
                    requireOrderable(operator, kind, at, problems);
            case StixPatternLexer.LIKE -> requireString(operator, kind, at, problems, "e.g. LIKE 'invoice%.pdf'");
            case StixPatternLexer.MATCHES -> requireRegex(operator, kind, at, problems);
            default -> requireCidr(operator, kind, at, problems);
        }
    }

    private static LiteralKind kind(LiteralContext literal) {
        return literal.setLiteral() != null ? LiteralKind.SET : LiteralKind.of(literal.getStart().getType());
    }

    private static void requireSet(LiteralKind kind, Token at, Problems problems) {
        if (kind != LiteralKind.SET) {
            problems.report(at, "IN needs a set literal but got " + kind.description(),
                    "write IN ('a', 'b'), or use = to compare with one value");
        }
    }

    private static void rejectSet(Token operator, LiteralKind kind, Token at, Problems problems) {
        if (kind == LiteralKind.SET) {
            problems.report(at, operator.getText() + " cannot compare with a set literal",
                    "use IN to test membership of a set");
        }
    }

    private static void requireOrderable(Token operator, LiteralKind kind, Token at, Problems problems) {
        if (kind == LiteralKind.BOOLEAN || kind == LiteralKind.SET) {
            problems.report(at, operator.getText() + " cannot order " + kind.description(),
                    "compare numbers, strings, timestamps or binary values; use = or != for booleans and IN for sets");
        }
    }

    private static boolean requireString(Token operator, LiteralKind kind, Token at, Problems problems, String example) {
        if (kind == LiteralKind.STRING) {
            return true;
        }
        problems.report(at, operator.getText() + " needs a string but got " + kind.description(),
                "write the operand in single quotes, " + example);
        return false;
    }

    private static void requireRegex(Token operator, LiteralKind kind, Token at, Problems problems) {
        if (!requireString(operator, kind, at, problems, "e.g. MATCHES '^Final Report.+\\\\.exe$'")) {
            return;
        }
        Regexes.problem(Literals.stringValue(at)).ifPresent(reason -> problems.report(at,
                "regular expression " + Excerpts.of(at.getText()) + " does not compile (" + reason + ")",
                "fix the expression; it is checked with Java regex syntax as an approximation of PCRE"));
    }

    private static void requireCidr(Token operator, LiteralKind kind, Token at, Problems problems) {
        String example = "e.g. " + operator.getText() + " '198.51.100.0/24'";
        if (requireString(operator, kind, at, problems, example) && !Cidrs.isCidr(Literals.stringValue(at))) {
            problems.report(at, operator.getText() + " needs an IP address range in CIDR notation but got "
                    + Excerpts.of(at.getText()), "write an IPv4 or IPv6 CIDR, " + example);
        }
    }

    private static void checkSet(SetLiteralContext set, Problems problems) {
        List<PrimitiveLiteralContext> elements = set.primitiveLiteral();
        LiteralKind first = null;
        boolean mixReported = false;
        for (PrimitiveLiteralContext element : elements) {
            Token token = element.getStart();
            Literals.checkContent(token, problems);
            LiteralKind kind = LiteralKind.of(token.getType());
            if (first == null) {
                first = kind;
            } else if (!kind.sameFamilyAs(first) && !mixReported) {
                problems.report(token, "set literal mixes " + first.description() + " and " + kind.description(),
                        "use values of one type in a set (integers and decimals may be mixed)");
                mixReported = true;
            }
        }
    }
}
