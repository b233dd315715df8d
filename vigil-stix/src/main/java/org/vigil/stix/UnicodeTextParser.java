package org.vigil.stix;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * A parser that refuses strings which are not Unicode text. JSON lets an escape name half of a surrogate pair
 * ({@code "\ud800"}); such a string has no UTF-8 form, so storing or sending it on would change it silently. It is
 * refused where it is read, with its place in the input.
 */
final class UnicodeTextParser extends JsonParserDelegate {

    UnicodeTextParser(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
    }

    private JsonToken checked(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
            // The parser's own buffer: no String is made here, and scanning an array is what the cold JIT does best.
            char[] text = getTextCharacters();
            int start = getTextOffset();
            int at = unpairedSurrogate(text, start, start + getTextLength());
            if (at >= 0) {
                throw refusal(t == JsonToken.FIELD_NAME ? "a property name" : "a string", text[at], at - start);
            }
        }
        return t;
    }

    private JsonParseException refusal(String what, char half, int at) {
        return new JsonParseException(this, what + " holds half of a surrogate pair (\\u" + Integer.toHexString(half)
                + ") at character " + (at + 1) + ", which is not Unicode text; escape whole characters only"
                + " (a pair such as \\ud83d\\ude00)");
    }

    /** The index of the first surrogate in text[from, to) that is not part of a high-low pair, or -1. */
    private static int unpairedSurrogate(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }
}
