package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void acceptsLowercaseRfc4122Identifiers() {
        assertNull(Identifier.problem("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"));
    }

    @Test
    void rejectsUppercaseUuid() {
        assertTrue(Identifier.problem("indicator--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F").contains("lowercase"));
    }

    @Test
    void rejectsMissingSeparatorAndWrongVariant() {
        assertTrue(Identifier.problem("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f").contains("type--uuid"));
        assertTrue(Identifier.problem("indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f").contains("variant"));
    }

    @Test
    void deterministicIdsFollowRfc4122Version5() {
        // RFC 4122 appendix B style check: the DNS namespace and "www.example.com" give this well-known UUID.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals("2ed6657d-e927-568b-95e1-2665a8aea6a2", Identifier.uuidV5(dns, "www.example.com").toString());
    }

    @Test
    void deterministicIdsAreStableAndTyped() {
        String a = Identifier.deterministic("identity", Identifier.SCO_NAMESPACE, "x");
        assertEquals(a, Identifier.deterministic("identity", Identifier.SCO_NAMESPACE, "x"));
        assertTrue(a.startsWith("identity--"));
        assertEquals(5, Identifier.uuidVersion(a));
    }
}
