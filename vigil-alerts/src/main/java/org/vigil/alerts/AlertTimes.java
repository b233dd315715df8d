package org.vigil.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The three ways alerts write an instant: STIX (milliseconds, Z), CAP (seconds, -00:00) and Atom (RFC 3339). */
final class AlertTimes {

    private static final DateTimeFormatter STIX = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** CAP 1.2 (3.3.2): no fractions, and UTC written as -00:00 because letters such as Z are not allowed. */
    private static final DateTimeFormatter CAP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private AlertTimes() {
    }

    static String stix(Instant t) {
        return STIX.format(t);
    }

    static String cap(Instant t) {
        return CAP.format(t);
    }

    static String atom(Instant t) {
        return ATOM.format(t);
    }
}
