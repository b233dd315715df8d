package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The packed form of an audit record's object ids, the text form of older logs, and finding an id in either. */
final class AuditIdsTest {

    @Test
    void roundTripsAnyIds() {
        for (List<String> ids : List.of(List.<String>of(), List.of("indicator--1"), List.of("a", "", "b"),
                List.of("new\nline", "back\\slash", "\\n", "trailing\\", "x-ünïcode--ß"),
                List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F",
                        "--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "a--b--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                        "indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "indicator--8e2e2d2b17d44cbf938f98ee46b3cd3f",
                        "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd٣f", "x--00000000-0000-0000-0000-000000000000",
                        "x--ffffffff-ffff-ffff-ffff-ffffffffffff", "indicator--8e2e2d2b-17d4-4cbf-938f+98ee46b3cd3f"))) {
            assertEquals(ids, AuditIds.unpack(AuditIds.pack(ids)));
        }
    }

    @Test
    void storesAStixIdInSeventeenBytes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add((i % 2 == 0 ? "attack-pattern--" : "relationship--") + UUID.randomUUID());
        }
        byte[] packed = AuditIds.pack(ids);
        assertTrue(packed.length < 1000 * 17 + 64, "packed " + packed.length + " bytes");
        assertEquals(ids, AuditIds.unpack(packed));
    }

    @Test
    void readsTheTextFormOfOlderLogs() {
        assertEquals(List.of(), AuditIds.unpack(new byte[0]));
        byte[] text = "\nindicator--1\nodd\\nid\\\\x\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("indicator--1", "odd\nid\\x"), AuditIds.unpack(text));
    }

    @Test
    void aNeedleOccursInEveryFormThatNamesTheId() {
        List<String> ids = List.of("indicator--12", "malware--3", "report--b2ac9d1a-2b0a-4c1e-9e63-5a1d3f0c6f7e");
        byte[] packed = AuditIds.pack(ids);
        byte[] text = "\nindicator--12\nmalware--3\nreport--b2ac9d1a-2b0a-4c1e-9e63-5a1d3f0c6f7e\n"
                .getBytes(StandardCharsets.UTF_8);
        for (String id : ids) {
            assertTrue(AuditIds.needles(id).stream().anyMatch(n -> contains(packed, n)), id);
            assertTrue(AuditIds.needles(id).stream().anyMatch(n -> contains(text, n)), id);
        }
        assertTrue(AuditIds.needles("indicator--1").stream().noneMatch(n -> contains(packed, n) || contains(text, n)));
    }

    @Test
    void refusesAnUnknownFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AuditIds.unpack(new byte[] {7, 0}));
        assertTrue(e.getMessage().contains("format 7"), e.getMessage());
    }

    @Test
    void alteredBytesAreRefusedNotTrustedForSizes() {
        byte[] packed = AuditIds.pack(List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"));
        byte[] hugeTypeCount = {1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        byte[] hugeIdCount = {1, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        byte[] cut = java.util.Arrays.copyOf(packed, packed.length - 3);
        for (byte[] bad : List.of(hugeTypeCount, hugeIdCount, cut)) {
            assertThrows(RuntimeException.class, () -> AuditIds.unpack(bad));
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
