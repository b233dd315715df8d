package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which stored version carries the flags that serve the TAXII defaults. */
final class VersionFlagsTest {

    private static VersionFlags.Version v(long version, String spec) {
        return new VersionFlags.Version(version, spec);
    }

    private static VersionFlags.Flags flags(boolean specNewest, boolean latest, boolean earliest) {
        return new VersionFlags.Flags(specNewest, latest, earliest);
    }

    @Test
    void aSingleVersionIsNewestLatestAndEarliest() {
        assertEquals(Map.of(5L, flags(true, true, true)), VersionFlags.of(List.of(v(5, "2.1"))));
    }

    @Test
    void latestAndEarliestAreChosenWithinTheNewestSpecVersion() {
        Map<Long, VersionFlags.Flags> flags = VersionFlags.of(List.of(v(9, "2.0"), v(3, "2.1"), v(1, "2.0"),
                v(4, "2.1"), v(2, "2.1")));
        assertEquals(flags(false, false, false), flags.get(9L));
        assertEquals(flags(false, false, false), flags.get(1L));
        assertEquals(flags(true, false, true), flags.get(2L));
        assertEquals(flags(true, false, false), flags.get(3L));
        assertEquals(flags(true, true, false), flags.get(4L));
    }

    @Test
    void specVersionsCompareByNumber() {
        assertEquals(flags(true, true, true), VersionFlags.of(List.of(v(1, "2.10"), v(2, "2.9"))).get(1L));
        assertEquals(0, SpecVersions.compare("2.1", "2.1"));
        assertEquals(true, SpecVersions.compare("2.0", "2.1") < 0);
        assertEquals(true, SpecVersions.compare("2.1", "2.1.1") < 0);
    }
}
