package org.vigil.federation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Where a pull resumes: an exclusive {@code added_after}. Many objects can share one date_added (a whole POST
 * batch), and a page may end in the middle of such a batch, so a page whose last date_added is T moves the cursor
 * to just before T: the objects at T come again and are dropped as already held, and none is skipped.
 */
public final class PullCursor {

    /**
     * How far before the start of a pass a pull resumes when the remote sends no Date-Added headers: a write that
     * was in flight at the remote when the pass began may still appear behind that instant.
     */
    static final Duration NO_HEADERS_MARGIN = Duration.ofMinutes(1);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PullCursor() {
    }

    /** The cursor after a page whose X-TAXII-Date-Added-Last is {@code last}. */
    public static String beforeLast(String last) {
        return format(parse(last).minus(1, ChronoUnit.MICROS));
    }

    /**
     * The cursor at the end of a pass over a remote that sends no Date-Added headers: the pass's start as the
     * remote's clock gave it (else ours), less a margin, never behind where the pass began.
     */
    public static String afterPassWithoutHeaders(Instant passStarted, String start) {
        String candidate = format(passStarted.minus(NO_HEADERS_MARGIN));
        return later(start, candidate);
    }

    /** The later of two cursors (null is the beginning). */
    public static String later(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return parse(a).isAfter(parse(b)) ? a : b;
    }

    /** A TAXII timestamp, checked; the feed's --added-after goes through here. */
    public static Instant parse(String timestamp) {
        return Instant.parse(timestamp);
    }

    static String format(Instant t) {
        return MICROS.format(t.truncatedTo(ChronoUnit.MICROS));
    }
}
