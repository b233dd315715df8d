package org.vigil.stix.pattern;

import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Finds where brackets and parentheses nest too deeply, before the recursive parser sees them.
 */
final class NestingGuard {

    /** Deep enough for any real indicator, shallow enough for the parser's and checker's stacks. */
    static final int MAX_DEPTH = 200;

    private NestingGuard() {
    }

    /** The first opening bracket or parenthesis that goes deeper than {@link #MAX_DEPTH}, if any. */
    static Optional<Token> firstTooDeep(List<Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            int type = token.getType();
            if (type == StixPatternLexer.LPAREN || type == StixPatternLexer.LBRACK) {
                depth++;
                if (depth > MAX_DEPTH) {
                    return Optional.of(token);
                }
            } else if (type == StixPatternLexer.RPAREN || type == StixPatternLexer.RBRACK) {
                depth = Math.max(0, depth - 1);
            }
        }
        return Optional.empty();
    }
}
