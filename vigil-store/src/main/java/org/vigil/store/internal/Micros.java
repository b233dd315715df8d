package org.vigil.store.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.vigil.stix.Timestamp;

/** Timestamps as the store keeps them: microseconds since the epoch, shown as TAXII timestamps. */
final class Micros {

    private static final DateTimeFormatter TAXII =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Micros() {
    }

    /** A STIX timestamp in microseconds; finer digits are dropped, as TAXII timestamps stop at microseconds. */
    static long parse(String timestamp) {
        return of(Timestamp.parse(timestamp));
    }

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The TAXII form, always with six fraction digits: {@code 2016-05-12T08:17:27.000000Z}. */
    static String format(long micros) {
        return TAXII.format(instant(micros));
    }

    static long now() {
        return of(Instant.now());
    }
}
