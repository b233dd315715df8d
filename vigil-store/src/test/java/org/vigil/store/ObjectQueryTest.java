package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Query values check their parts when they are built. */
final class ObjectQueryTest {

    private final UUID collection = UUID.randomUUID();

    @Test
    void defaultsToTheNewestVersionsFirstPage() {
        ObjectQuery q = ObjectQuery.in(collection).build();
        assertEquals(VersionMatch.LAST, q.versions());
        assertEquals(ObjectQuery.DEFAULT_LIMIT, q.limit());
        assertTrue(q.ids().isEmpty() && q.types().isEmpty() && q.specVersions().isEmpty());
    }

    @Test
    void refusesBadTimestampsAndLimits() {
        assertThrows(IllegalArgumentException.class, () -> ObjectQuery.in(collection).addedAfter("yesterday").build());
        assertThrows(IllegalArgumentException.class, () -> ObjectQuery.in(collection).limit(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> ObjectQuery.in(collection).limit(ObjectQuery.MAX_LIMIT + 1).build());
    }

    @Test
    void versionMatchReadsTaxiiValues() {
        VersionMatch m = VersionMatch.parse("first, last,2016-01-01T00:00:00.000Z");
        assertTrue(m.first() && m.last() && !m.all());
        assertEquals(List.of("2016-01-01T00:00:00.000Z"), m.timestamps());
        assertEquals(VersionMatch.ALL, VersionMatch.parse("all"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionMatch.parse("newest"));
        assertTrue(e.getMessage().contains("newest"), e.getMessage());
    }

    @Test
    void continuingAfterACursorKeepsTheFilters() {
        ObjectQuery q = ObjectQuery.in(collection).types("malware").limit(5).build();
        ObjectQuery next = q.after(Cursor.afterMicros(7));
        assertEquals(q.types(), next.types());
        assertEquals(5, next.limit());
        assertEquals(Cursor.afterMicros(7), next.after());
    }
}
