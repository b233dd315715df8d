package org.vigil.federation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PullCursorTest {

    @Test
    void aPageResumesJustBeforeItsLastDateAddedSoObjectsSharingItComeAgain() {
        assertEquals("2026-05-01T08:00:00.999999Z", PullCursor.beforeLast("2026-05-01T08:00:01Z"));
        assertEquals("2026-05-01T08:00:01.122999Z", PullCursor.beforeLast("2026-05-01T08:00:01.123Z"));
        assertEquals("2026-05-01T08:00:01.123455Z", PullCursor.beforeLast("2026-05-01T08:00:01.123456Z"));
    }

    @Test
    void withoutHeadersAPassResumesAMarginBeforeItStartedButNeverBehindItsStart() {
        Instant started = Instant.parse("2026-05-01T08:10:00Z");
        assertEquals("2026-05-01T08:09:00.000000Z", PullCursor.afterPassWithoutHeaders(started, null));
        assertEquals("2026-05-01T08:09:30Z", PullCursor.afterPassWithoutHeaders(started, "2026-05-01T08:09:30Z"));
    }

    @Test
    void theLaterCursorWinsWhateverItsPrecision() {
        assertEquals("2026-05-01T08:00:01Z", PullCursor.later("2026-05-01T08:00:00.999999Z", "2026-05-01T08:00:01Z"));
        assertEquals("2026-05-01T08:00:01Z", PullCursor.later(null, "2026-05-01T08:00:01Z"));
    }
}
