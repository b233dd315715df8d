package org.vigil.stix;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * STIX timestamps: RFC 3339 in UTC with a literal {@code Z}, e.g. {@code 2016-05-12T08:17:27.000Z}. Parsing is
 * by hand because it runs for every timestamp of every object and must name exactly what is wrong.
 */
public final class Timestamp {

    private Timestamp() {
    }

    /** Why {@code value} is not a STIX timestamp, or null when it is. */
    public static String problem(String value) {
        int n = value.length();
        if (n < 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return "'" + value + "' is not an RFC 3339 timestamp; write it as YYYY-MM-DDTHH:MM:SS[.sss]Z";
        }
        char last = value.charAt(n - 1);
        if (last != 'Z') {
            return "'" + value + "' must end in Z: STIX timestamps are in UTC with the Z designator, "
                    + "not a numeric offset";
        }
        if (!digits(value, 0, 4) || !digits(value, 5, 7) || !digits(value, 8, 10) || !digits(value, 11, 13)
                || !digits(value, 14, 16) || !digits(value, 17, 19)) {
            return "'" + value + "' has a non-digit where a date or time digit belongs";
        }
        if (n > 20 && (value.charAt(19) != '.' || n == 21 || !digits(value, 20, n - 1))) {
            return "'" + value + "' has a malformed fraction of a second; write .sss before the Z";
        }
        if (n == 21 || (n == 20 && value.charAt(19) != 'Z')) {
            return "'" + value + "' is not an RFC 3339 timestamp";
        }
        return rangeProblem(value);
    }

    private static String rangeProblem(String value) {
        int hour = num(value, 11, 13);
        int minute = num(value, 14, 16);
        int second = num(value, 17, 19);
        if (hour > 23 || minute > 59 || second > 60) {
            return "'" + value + "' has a time of day out of range";
        }
        try {
            LocalDate.of(num(value, 0, 4), num(value, 5, 7), num(value, 8, 10));
        } catch (DateTimeException e) {
            return "'" + value + "' is not a real calendar date";
        }
        return null;
    }

    /** The number of fractional-second digits (0 when there is no fraction). */
    public static int precision(String value) {
        return value.length() > 20 ? value.length() - 21 : 0;
    }

    /** Parses a valid timestamp; leap seconds are folded into the previous second. */
    public static Instant parse(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        // Computed from the digits problem() has checked: Instant.parse costs several times as much, and every
        // object's created and modified pass through here on each write.
        long day = LocalDate.of(num(value, 0, 4), num(value, 5, 7), num(value, 8, 10)).toEpochDay();
        long seconds = day * 86_400L + num(value, 11, 13) * 3_600L + num(value, 14, 16) * 60L
                + Math.min(num(value, 17, 19), 59);
        int nanos = 0;
        int end = value.length() - 1;
        for (int i = 20, scale = 100_000_000; i < end && scale > 0; i++, scale /= 10) {
            nanos += (value.charAt(i) - '0') * scale;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * Compares two valid timestamps by instant; fractions of different lengths compare correctly, which a
     * plain string comparison would get wrong ({@code .5Z} vs {@code .25Z}).
     */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }
}
