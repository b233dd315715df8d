package org.vigil.stix.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Collects the semantic problems of one pattern, each phrased as "what, at column N; how to fix".
 */
final class Problems {

    /** Enough to fix a pattern by; a hostile megabyte of errors would otherwise make a huge report. */
    static final int MAX_PROBLEMS = 100;

    private final Columns columns;
    private final List<PatternProblem> found = new ArrayList<>();

    Problems(Columns columns) {
        this.columns = columns;
    }

    /** Reports a problem that starts at a token. */
    void report(Token at, String what, String fix) {
        report(column(at), what, fix);
    }

    /** Reports a problem that starts at a character offset. */
    void report(int column, String what, String fix) {
        if (found.size() < MAX_PROBLEMS) {
            found.add(new PatternProblem(column, what + " at column " + column + "; " + fix));
        }
    }

    /** The character offset of a token, for problems that point inside it. */
    int column(Token token) {
        return columns.column(token.getStartIndex());
    }

    List<PatternProblem> sorted() {
        List<PatternProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(PatternProblem::column));
        return sorted;
    }
}
