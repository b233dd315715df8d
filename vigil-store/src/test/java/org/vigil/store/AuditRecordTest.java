package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    private static final UUID ACTOR = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    /** Logs written by earlier releases must keep verifying: a format's hash input may never change. */
    @Test
    void formatOneHashIsStableAcrossReleases() {
        AuditRecord read = new AuditRecord(42, Instant.parse("2026-02-06T19:30:00.123456Z"), ACTOR, "read",
                "/api1/collections/x/objects/", List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "report--b2ac9d1a-2b0a-4c1e-9e63-5a1d3f0c6f7e", "x-café--ünïcode\nline"), null, null, "ab".repeat(32), null);
        assertEquals("93c202bb8eef3526b296b9daba3d88dd66ab12e5b2da7944237a950e3a07a871", read.computeHash());

        AuditRecord failedLogin = new AuditRecord(1, Instant.parse("2026-02-06T19:30:00Z"), null, "login-failed", null,
                List.of(), null, "user alice", AuditRecord.GENESIS, null);
        assertEquals("0003b3c1f166c77ee477ee1ddd2a49dd5602d1a98273c21e7c78778d542a0535", failedLogin.computeHash());
    }

    @Test
    void formatTwoHashIsStableAcrossReleases() {
        AuditRecord read = new AuditRecord(42, Instant.parse("2026-02-06T19:30:00.123456Z"), ACTOR, "read",
                "/api1/collections/x/objects/", List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"), "cd".repeat(32),
                null, "ab".repeat(32), null);
        assertEquals("2347383a8f581732d7d201cb0e0795bda5fa2c45693659c9158ecc1d3bc71aac", read.computeHash());
    }

    @Test
    void formatTwoCoversTheIdsThroughTheirDigest() {
        AuditRecord r = new AuditRecord(7, Instant.parse("2026-02-06T19:30:00Z"), ACTOR, "read", "/p", List.of("a"),
                "cd".repeat(32), null, AuditRecord.GENESIS, null);
        AuditRecord otherDigest = new AuditRecord(7, r.at(), ACTOR, "read", "/p", List.of("a"), "ce".repeat(32), null,
                AuditRecord.GENESIS, null);
        assertNotEquals(r.computeHash(), otherDigest.computeHash());
        assertNotEquals(r.computeHash(), record(List.of("a"), null).computeHash(), "formats never hash alike");
    }

    @Test
    void lengthPrefixesKeepFieldBoundariesApart() {
        AuditRecord a = record(List.of("ab", "c"), null);
        AuditRecord b = record(List.of("a", "bc"), null);
        AuditRecord absent = record(List.of("a"), null);
        AuditRecord dash = record(List.of("a"), "-");
        assertNotEquals(a.computeHash(), b.computeHash());
        assertNotEquals(absent.computeHash(), dash.computeHash());
    }

    @Test
    void hashesLongIdListsOfManyScripts() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(i % 2 == 0 ? "indicator--" + UUID.randomUUID() : "x-ελληνικά--" + i);
        }
        AuditRecord r = record(ids, "detail");
        assertEquals(r.computeHash(), record(List.copyOf(ids), "detail").computeHash());
        ids.set(4_999, ids.get(4_999) + "x");
        assertNotEquals(r.computeHash(), record(ids, "detail").computeHash());
    }

    private static AuditRecord record(List<String> ids, String detail) {
        return new AuditRecord(7, Instant.parse("2026-02-06T19:30:00Z"), ACTOR, "read", "/p", ids, null, detail,
                AuditRecord.GENESIS, null);
    }
}
