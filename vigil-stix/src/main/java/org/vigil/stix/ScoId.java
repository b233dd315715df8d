package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Deterministic cyber-observable ids (STIX 2.1 section 2.9): a UUIDv5, in the STIX namespace, of the
 * canonical JSON of the type's id-contributing properties. A version-5 id that does not match is a warning,
 * since the object is still usable but will not de-duplicate against others.
 */
final class ScoId {

    /** For hashes, only one algorithm contributes: the first of these that the object has. */
    private static final List<String> HASH_PREFERENCE = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");

    private final Findings findings;
    private final ObjectNode root;

    ScoId(Findings findings, ObjectNode root) {
        this.findings = findings;
        this.root = root;
    }

    void check(List<String> contributing) {
        String id = root.path("id").asText("");
        if (contributing.isEmpty() || Identifier.problem(id) != null || Identifier.uuidVersion(id) != 5) {
            return;
        }
        ObjectNode basis = basis(root, contributing);
        if (basis.isEmpty()) {
            return;
        }
        String expected = Identifier.deterministic(root.path("type").asText(), Identifier.SCO_NAMESPACE,
                CanonicalJson.write(basis));
        if (!expected.equals(id)) {
            findings.warn("sco-id-mismatch", "/id", "id is a version-5 UUID but not the one computed from "
                    + String.join(", ", contributing) + "; the deterministic id is " + expected);
        }
    }

    /** The deterministic id an SCO should carry, or null when none of its contributing properties is set. */
    static String expected(ObjectNode sco, List<String> contributing) {
        ObjectNode basis = basis(sco, contributing);
        return basis.isEmpty() ? null : Identifier.deterministic(sco.path("type").asText(),
                Identifier.SCO_NAMESPACE, CanonicalJson.write(basis));
    }

    private static ObjectNode basis(ObjectNode sco, List<String> contributing) {
        ObjectNode basis = StixJson.newObjectNode();
        for (String name : contributing) {
            JsonNode value = sco.get(name);
            if (value != null) {
                basis.set(name, name.equals("hashes") ? oneHash(value) : value);
            }
        }
        return basis;
    }

    private static JsonNode oneHash(JsonNode hashes) {
        ObjectNode one = StixJson.newObjectNode();
        for (String algorithm : HASH_PREFERENCE) {
            if (hashes.has(algorithm)) {
                return one.set(algorithm, hashes.get(algorithm));
            }
        }
        if (hashes.isObject() && !hashes.isEmpty()) {
            String first = hashes.fieldNames().next();
            one.set(first, hashes.get(first));
            return one;
        }
        return hashes;
    }
}
