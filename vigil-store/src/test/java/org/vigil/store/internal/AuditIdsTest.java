package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact form of an audit record's object ids, and finding one id in it by substring. */
final class AuditIdsTest {

    @Test
    void roundTripsAnyIds() {
        for (List<String> ids : List.of(List.<String>of(), List.of("indicator--1"), List.of("a", "", "b"),
                List.of("new\nline", "back\\slash", "\\n", "trailing\\"))) {
            assertEquals(ids, AuditIds.decode(AuditIds.encode(ids)));
        }
    }

    @Test
    void aNeedleMatchesOnlyAWholeId() {
        String text = AuditIds.encode(List.of("indicator--12", "malware--3"));
        assertTrue(text.contains(AuditIds.needle("indicator--12")));
        assertTrue(text.contains(AuditIds.needle("malware--3")));
        assertFalse(text.contains(AuditIds.needle("indicator--1")));
        assertFalse(text.contains(AuditIds.needle("ware--3")));
    }
}
