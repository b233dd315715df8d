package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Page cursors survive their text form and refuse anything else. */
final class CursorTest {

    @Test
    void roundTripsThroughItsToken() {
        Cursor c = Cursor.afterMicros(1_709_287_200_123_456L);
        assertEquals(c, Cursor.parse(c.token()));
        assertEquals(1_709_287_200_123_456L, Cursor.parse(c.token()).dateAddedMicros());
    }

    @Test
    void refusesTokensItDidNotMake() {
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse("not a cursor!"));
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse("AAAAAAAAAAAA"));
    }
}
