package org.vigil.stix.pattern;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads the RFC 3339 UTC timestamps that STIX writes as t'2016-06-01T01:30:00.123Z'.
 */
final class Timestamps {

    /** Uppercase T and Z only, as STIX requires; any number of fraction digits. */
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,32}))?Z");

    /** Longer text cannot match FORMAT, so it is not handed to the regex engine at all. */
    private static final int MAX_LENGTH = 52;

    private Timestamps() {
    }

    /** The instant a timestamp denotes, or empty when it is not a valid RFC 3339 UTC timestamp. */
    static Optional<Instant> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int second = Integer.parseInt(m.group(6));
        // RFC 3339 allows a leap second (:60); it is ordered as the start of the next minute.
        int leap = second == 60 ? 1 : 0;
        try {
            LocalDateTime time = LocalDateTime.of(number(m, 1), number(m, 2), number(m, 3),
                    number(m, 4), number(m, 5), second - leap, nanos(m.group(7)));
            return Optional.of(time.toInstant(ZoneOffset.UTC).plusSeconds(leap));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** Fraction digits beyond nanoseconds cannot change an ordering that matters here. */
    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }
}
