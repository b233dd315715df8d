package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampTest {

    @Test
    void acceptsSecondsMillisecondsAndLongerFractions() {
        assertNull(Timestamp.problem("2016-05-12T08:17:27Z"));
        assertNull(Timestamp.problem("2016-05-12T08:17:27.000Z"));
        assertNull(Timestamp.problem("2016-05-12T08:17:27.123456789Z"));
    }

    @Test
    void acceptsALeapSecond() {
        assertNull(Timestamp.problem("2016-12-31T23:59:60Z"));
        assertEquals(Timestamp.parse("2016-12-31T23:59:59Z"), Timestamp.parse("2016-12-31T23:59:60Z"));
    }

    @Test
    void rejectsTimestampWithoutZone() {
        assertTrue(Timestamp.problem("2016-05-12T08:17:27").contains("RFC 3339")
                || Timestamp.problem("2016-05-12T08:17:27").contains("Z"));
    }

    @Test
    void rejectsNumericOffsetInsteadOfZ() {
        assertTrue(Timestamp.problem("2016-05-12T08:17:27+01:00").contains("must end in Z"));
    }

    @Test
    void rejectsImpossibleDatesAndTimes() {
        assertTrue(Timestamp.problem("2019-02-30T00:00:00Z").contains("calendar date"));
        assertTrue(Timestamp.problem("2019-02-01T24:00:00Z").contains("out of range"));
        assertNotNull(Timestamp.problem("2019-2-01T00:00:00Z"));
    }

    @Test
    void rejectsEmptyFraction() {
        assertNotNull(Timestamp.problem("2016-05-12T08:17:27.Z"));
    }

    @Test
    void countsFractionDigits() {
        assertEquals(0, Timestamp.precision("2016-05-12T08:17:27Z"));
        assertEquals(3, Timestamp.precision("2016-05-12T08:17:27.123Z"));
    }

    @Test
    void parsesToTheInstantTheJdkReads() {
        for (String t : new String[] {"2016-05-12T08:17:27Z", "2016-05-12T08:17:27.1Z", "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999999Z", "2024-02-29T12:00:00.123456789Z", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.5Z", "2000-03-01T00:00:00.000001Z"}) {
            assertEquals(Instant.parse(t), Timestamp.parse(t), t);
        }
    }

    @Test
    void foldsALeapSecondIntoTheSecondBefore() {
        assertEquals(Instant.parse("2016-12-31T23:59:59.25Z"), Timestamp.parse("2016-12-31T23:59:60.25Z"));
    }

    @Test
    void comparesByInstantNotByText() {
        assertTrue(Timestamp.compare("2020-01-01T00:00:00.5Z", "2020-01-01T00:00:00.25Z") > 0);
        assertEquals(0, Timestamp.compare("2020-01-01T00:00:00Z", "2020-01-01T00:00:00.000Z"));
    }

    @Test
    void parsesToTheSameInstantAsJavaTimeForAnyValidTimestamp() {
        Random random = new Random(20261206);
        for (int i = 0; i < 5_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            String text = DateTimeFormatter.ISO_INSTANT.format(at);
            assertEquals(Instant.parse(text), Timestamp.parse(text), text);
        }
    }

    @Test
    void keepsNanosecondsAndIgnoresDigitsBeyondThem() {
        assertEquals(123_456_789, Timestamp.parse("2016-05-12T08:17:27.123456789Z").getNano());
        assertEquals(500_000_000, Timestamp.parse("2016-05-12T08:17:27.5Z").getNano());
        assertEquals(123_456_789, Timestamp.parse("2016-05-12T08:17:27.1234567891Z").getNano());
    }
}
