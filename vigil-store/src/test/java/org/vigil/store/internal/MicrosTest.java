package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stored timestamps: microseconds, shown as TAXII timestamps with six fraction digits. */
final class MicrosTest {

    @Test
    void formatsWithSixFractionDigits() {
        assertEquals("2016-05-12T08:17:27.000000Z", Micros.format(Micros.parse("2016-05-12T08:17:27Z")));
        assertEquals("2016-05-12T08:17:27.120000Z", Micros.format(Micros.parse("2016-05-12T08:17:27.12Z")));
        assertEquals("0001-01-01T00:00:00.000001Z", Micros.format(Micros.parse("0001-01-01T00:00:00.000001Z")));
        assertEquals("1969-12-31T23:59:59.999999Z", Micros.format(-1));
    }

    @Test
    void dropsDigitsFinerThanMicroseconds() {
        assertEquals(Micros.parse("2016-05-12T08:17:27.123456Z"), Micros.parse("2016-05-12T08:17:27.123456789Z"));
    }

    @Test
    void roundTripsInstants() {
        Instant i = Instant.parse("2024-02-29T23:59:59.654321Z");
        assertEquals(i, Micros.instant(Micros.of(i)));
        assertEquals("2024-02-29T23:59:59.654321Z", Micros.format(Micros.of(i)));
    }

    @Test
    void versionsFallingOnAMillisecondShowThreeDigits() {
        assertEquals("2016-05-12T08:17:27.120Z", Micros.formatVersion(Micros.parse("2016-05-12T08:17:27.12Z")));
        assertEquals("2016-05-12T08:17:27.000Z", Micros.formatVersion(Micros.parse("2016-05-12T08:17:27Z")));
        assertEquals("2016-05-12T08:17:27.123456Z", Micros.formatVersion(Micros.parse("2016-05-12T08:17:27.123456Z")));
        assertEquals("1969-12-31T23:59:59.999Z", Micros.formatVersion(-1000));
    }
}
