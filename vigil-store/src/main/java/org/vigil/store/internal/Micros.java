package org.vigil.store.internal;

import java.time.Instant;
import java.time.LocalDateTime;
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

    /**
     * An object version as TAXII shows it: with three fraction digits when it falls on a millisecond, as the
     * created and modified properties STIX requires are almost always written, so that a client comparing a
     * manifest's versions with objects' modified strings finds them equal; with six otherwise.
     */
    static String formatVersion(long micros) {
        String full = format(micros);
        if (Math.floorMod(micros, 1_000L) != 0 || full.length() != 27) {
            return full;
        }
        return full.substring(0, 23) + "Z";
    }

    /**
     * The TAXII form, always with six fraction digits: {@code 2016-05-12T08:17:27.000000Z}. Written by hand
     * because every row of every page is formatted two or three times.
     */
    static String format(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TAXII.format(instant(micros));
        }
        StringBuilder out = new StringBuilder(27);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2).append('.');
        return digits(out, (int) Math.floorMod(micros, 1_000_000L), 6).append('Z').toString();
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }

    static long now() {
        return of(Instant.now());
    }
}
