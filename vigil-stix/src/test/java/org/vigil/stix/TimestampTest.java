package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(java.time.Instant.parse(t), Timestamp.parse(t), t);
        }
    }

    @Test
    void foldsALeapSecondIntoTheSecondBefore() {
        assertEquals(java.time.Instant.parse("2016-12-31T23:59:59.25Z"), Timestamp.parse("2016-12-31T23:59:60.25Z"));
    }

    @Test
    void dropsFractionDigitsBeyondNanoseconds() {
        assertEquals(java.time.Instant.parse("2016-05-12T08:17:27.123456789Z"),
                Timestamp.parse("2016-05-12T08:17:27.1234567891Z"));
    }

    @Test
    void comparesByInstantNotByText() {
        assertTrue(Timestamp.compare("2020-01-01T00:00:00.5Z", "2020-01-01T00:00:00.25Z") > 0);
        assertEquals(0, Timestamp.compare("2020-01-01T00:00:00Z", "2020-01-01T00:00:00.000Z"));
    }
}
