package org.vigil.stix.pattern;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.vigil.stix.pattern.StixPatternParser.PatternContext;

/**
 * Checks STIX 2.1 patterns, the indicator language of STIX 2.1 section 9, for problems and object types.
 */
public final class Pattern {

    /** Longest pattern accepted, in characters: 1 MiB, far beyond any real indicator. */
    static final int MAX_LENGTH = 1 << 20;

    private Pattern() {
    }

    /**
     * Checks a pattern and says what, if anything, is wrong with it and which object types it uses.
     *
     * <p>The pattern is lexed, guarded against nesting deeper than 200 brackets and parentheses,
     * parsed, and then checked for the rules the grammar cannot express. Only the first syntax
     * error is reported, since later ones are mostly its echoes; the other rules are checked only
     * on a pattern that parses, and at most 100 problems are reported. Patterns longer than 1 MiB
     * are refused unread. No input, null included, makes this method throw.
     *
     * @param pattern the pattern text, e.g. {@code [file:name = 'a.exe'] WITHIN 60 SECONDS}
     * @return the problems found, ordered by column, and the object types the pattern refers to
     */
    public static PatternCheck check(String pattern) {
        if (pattern == null) {
            return rejected(0, "pattern is missing (null); give a pattern such as [file:name = 'a.exe']");
        }
        if (pattern.length() > MAX_LENGTH) {
            return rejected(MAX_LENGTH, "pattern is longer than " + MAX_LENGTH
                    + " characters; split it into several indicators");
        }
        Columns columns = Columns.of(pattern);
        ExpectationTracker expectations = new ExpectationTracker();
        FirstSyntaxError syntaxError = new FirstSyntaxError(columns, expectations);
        try {
            CommonTokenStream tokens = lex(pattern, syntaxError);
            Optional<PatternProblem> unparsable = unparsable(tokens.getTokens(), columns);
            if (unparsable.isPresent()) {
                return rejected(unparsable.get());
            }
            return PatternChecker.check(parse(tokens, syntaxError, expectations), columns);
        } catch (ParseCancellationException stopped) {
            return rejected(syntaxError.problem().orElseThrow());
        }
    }

    private static CommonTokenStream lex(String pattern, FirstSyntaxError syntaxError) {
        StixPatternLexer lexer = new StixPatternLexer(CharStreams.fromString(pattern));
        lexer.removeErrorListeners();
        lexer.addErrorListener(syntaxError);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return tokens;
    }

    /** Problems that make parsing pointless or, for deep nesting, unsafe. */
    private static Optional<PatternProblem> unparsable(List<Token> tokens, Columns columns) {
        if (tokens.get(0).getType() == Token.EOF) {
            return Optional.of(new PatternProblem(0,
                    "pattern is empty; write at least one observation expression such as [file:name = 'a.exe']"));
        }
        return NestingGuard.firstTooDeep(tokens).map(token -> {
            int column = columns.column(token.getStartIndex());
            return new PatternProblem(column, "brackets and parentheses nest deeper than " + NestingGuard.MAX_DEPTH
                    + " levels at column " + column + "; remove redundant parentheses or split the pattern");
        });
    }

    private static PatternContext parse(CommonTokenStream tokens, FirstSyntaxError syntaxError,
            ExpectationTracker expectations) {
        StixPatternParser parser = new StixPatternParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(syntaxError);
        parser.setErrorHandler(expectations);
        return parser.pattern();
    }

    private static PatternCheck rejected(int column, String message) {
        return rejected(new PatternProblem(column, message));
    }

    private static PatternCheck rejected(PatternProblem problem) {
        return new PatternCheck(List.of(problem), Map.of());
    }
}
