package org.vigil.stix.pattern;

import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Replaces ANTLR's console listener: keeps the first syntax error as a problem and stops the parse.
 */
final class FirstSyntaxError extends BaseErrorListener {

    private final Columns columns;
    private final ExpectationTracker expectations;
    private PatternProblem problem;

    FirstSyntaxError(Columns columns, ExpectationTracker expectations) {
        this.columns = columns;
        this.expectations = expectations;
    }

    Optional<PatternProblem> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
            int charPositionInLine, String msg, RecognitionException e) {
        if (problem == null) {
            problem = offendingSymbol instanceof Token token && recognizer instanceof Parser parser
                    ? parserProblem(parser, token)
                    : lexerProblem(recognizer);
        }
        // Later errors are mostly echoes of the first, and recovering from them on hostile input
        // costs time for nothing, so the parse ends here.
        throw new ParseCancellationException(problem.message());
    }

    private PatternProblem parserProblem(Parser parser, Token token) {
        IntervalSet expected = expectations.expectedAt(parser, token);
        int column = columns.column(token.getStartIndex());
        return new PatternProblem(column, SyntaxMessages.describe(token, expected, column));
    }

    /** Unreachable with the catch-all ErrorChar rule, but kept so no error can go unreported. */
    private PatternProblem lexerProblem(Recognizer<?, ?> recognizer) {
        int index = recognizer instanceof Lexer lexer ? lexer._tokenStartCharIndex : 0;
        int column = columns.column(index);
        return new PatternProblem(column, "unreadable input at column " + column);
    }
}
