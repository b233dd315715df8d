package org.vigil.stix.pattern;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Error strategy that remembers every token the parser would have accepted at the current position.
 */
final class ExpectationTracker extends DefaultErrorStrategy {

    private int tokenIndex = -1;
    private IntervalSet expected = new IntervalSet();

    // When a loop such as qualifier* may exit, ANTLR defers the error to a later rule and then
    // reports only that rule's expectation, or a stale one cached at an earlier token. Collecting
    // what each sync point accepts at the offending token gives the full list instead, e.g. the
    // qualifiers, AND, OR and FOLLOWEDBY after a closing bracket.
    @Override
    public void sync(Parser recognizer) {
        note(recognizer);
        super.sync(recognizer);
    }

    /** Everything acceptable at the token, given the parser's state when it gave up there. */
    IntervalSet expectedAt(Parser recognizer, Token token) {
        IntervalSet all = new IntervalSet();
        if (token.getTokenIndex() == tokenIndex) {
            all.addAll(expected);
        }
        all.addAll(recognizer.getExpectedTokens());
        all.remove(Token.EPSILON);
        return all;
    }

    private void note(Parser recognizer) {
        int index = recognizer.getCurrentToken().getTokenIndex();
        if (index != tokenIndex) {
            tokenIndex = index;
            expected = new IntervalSet();
        }
        ATNState state = recognizer.getATN().states.get(recognizer.getState());
        expected.addAll(recognizer.getATN().nextTokens(state));
    }
}
