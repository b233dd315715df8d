package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.stix.StixAssertions.assertClean;
import static org.vigil.stix.StixAssertions.assertError;
import static org.vigil.stix.StixAssertions.assertOnly;
import static org.vigil.stix.StixAssertions.assertWarningOnly;
import static org.vigil.stix.StixAssertions.sco;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The open vocabularies and enumerations of STIX 2.1 section 10, and Vigil's two internal enumerations. */
class VocabularyTest {

    private static final TypeTable TABLE = TypeTable.standard();

    /** Each vocabulary of section 10 and how many values it has. */
    private static final Map<String, Integer> SIZES = Map.ofEntries(
            Map.entry("account-type-ov", 11),
            Map.entry("attack-motivation-ov", 10),
            Map.entry("attack-resource-level-ov", 6),
            Map.entry("encryption-algorithm-enum", 3),
            Map.entry("extension-type-enum", 5),
            Map.entry("grouping-context-ov", 3),
            Map.entry("hash-algorithm-ov", 8),
            Map.entry("identity-class-ov", 6),
            Map.entry("implementation-language-ov", 22),
            Map.entry("indicator-type-ov", 7),
            Map.entry("industry-sector-ov", 35),
            Map.entry("infrastructure-type-ov", 15),
            Map.entry("malware-capabilities-ov", 37),
            Map.entry("malware-result-ov", 4),
            Map.entry("malware-type-ov", 22),
            Map.entry("network-socket-address-family-enum", 8),
            Map.entry("network-socket-type-enum", 5),
            Map.entry("opinion-enum", 5),
            Map.entry("pattern-type-ov", 6),
            Map.entry("processor-architecture-ov", 8),
            Map.entry("region-ov", 29),
            Map.entry("report-type-ov", 12),
            Map.entry("threat-actor-type-ov", 13),
            Map.entry("threat-actor-role-ov", 7),
            Map.entry("threat-actor-sophistication-ov", 7),
            Map.entry("tool-type-ov", 8),
            Map.entry("windows-integrity-level-enum", 4),
            Map.entry("windows-pebinary-type-ov", 3),
            Map.entry("windows-registry-datatype-enum", 14),
            Map.entry("windows-service-start-type-enum", 5),
            Map.entry("windows-service-type-enum", 4),
            Map.entry("windows-service-status-enum", 7));

    @Test
    void definesEveryVocabularyAndEnumerationOfSection10() {
        assertEquals(32, SIZES.size());
        assertEquals(22, SIZES.keySet().stream().filter(n -> n.endsWith("-ov")).count());
        SIZES.forEach((name, size) -> {
            Set<String> values = TABLE.vocabulary(name);
            assertNotNull(values, name);
            assertEquals(size, values.size(), name + " has " + values);
        });
    }

    @Test
    void definesVigilInternalEnumerations() {
        assertEquals(List.of("2.1"), List.copyOf(TABLE.vocabulary("spec-version")));
        assertEquals(List.of("white", "green", "amber", "red"), List.copyOf(TABLE.vocabulary("tlp-level")));
    }

    @Test
    void keepsSpecificationSpellingOfValues() {
        assertTrue(TABLE.vocabulary("hash-algorithm-ov").containsAll(
                List.of("MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH")));
        assertTrue(TABLE.vocabulary("encryption-algorithm-enum").containsAll(
                List.of("AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated")));
        assertTrue(TABLE.vocabulary("implementation-language-ov").containsAll(List.of("c++", "c#", "x86-64")));
        assertTrue(TABLE.vocabulary("network-socket-type-enum").contains("SOCK_DGRAM"));
        assertTrue(TABLE.vocabulary("industry-sector-ov").containsAll(
                List.of("emergency-services", "dams", "nuclear", "water", "government-local")));
        assertTrue(TABLE.vocabulary("infrastructure-type-ov").containsAll(
                List.of("control-system", "firewall", "routers-switches", "workstation")));
    }

    @Test
    void writesOpenVocabularyValuesAsLowercaseHyphenatedWords() {
        Pattern word = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
        Set<String> exempt = Set.of("hash-algorithm-ov", "windows-pebinary-type-ov");
        SIZES.keySet().stream().filter(n -> n.endsWith("-ov") && !exempt.contains(n)).forEach(name -> {
            for (String value : TABLE.vocabulary(name)) {
                if (!value.equals("c++") && !value.equals("c#")) {
                    assertTrue(word.matcher(value).matches(), name + ": " + value);
                }
            }
        });
    }

    @Test
    void warnsOnOpenVocabularyValueOutsideList() {
        assertWarningOnly(sco("user-account", """
                "user_id": "42", "account_type": "gitlab"
                """), "vocabulary-open", "/account_type");
    }

    @Test
    void acceptsOpenVocabularyValueInList() {
        assertClean(sco("user-account", """
                "user_id": "42", "account_type": "windows-domain"
                """));
    }

    @Test
    void rejectsEnumerationValueOutsideList() {
        assertOnly(sco("artifact", """
                "payload_bin": "aGVsbG8=", "encryption_algorithm": "AES-128-CBC"
                """), Severity.ERROR, "vocabulary-closed", "/encryption_algorithm");
    }

    @Test
    void matchesEnumerationValuesCaseSensitively() {
        assertError(sco("artifact", """
                "payload_bin": "aGVsbG8=", "encryption_algorithm": "aes-256-gcm"
                """), "vocabulary-closed", "/encryption_algorithm");
        assertError(sco("windows-registry-key", """
                "values": [{"name": "x", "data_type": "reg_sz"}]
                """), "vocabulary-closed", "/values/0/data_type");
    }

    @Test
    void acceptsEveryValueOfEveryScoEnumeration() {
        for (String v : TABLE.vocabulary("windows-registry-datatype-enum")) {
            assertClean(sco("windows-registry-key", "\"values\": [{\"name\": \"x\", \"data_type\": \"" + v + "\"}]"));
        }
        for (String v : TABLE.vocabulary("encryption-algorithm-enum")) {
            assertClean(sco("artifact", "\"payload_bin\": \"aGVsbG8=\", \"encryption_algorithm\": \"" + v + "\""));
        }
        for (String v : TABLE.vocabulary("windows-integrity-level-enum")) {
            assertClean(sco("process", "\"extensions\": {\"windows-process-ext\": {\"integrity_level\": \"" + v
                    + "\"}}"));
        }
        for (String family : TABLE.vocabulary("network-socket-address-family-enum")) {
            for (String type : TABLE.vocabulary("network-socket-type-enum")) {
                assertClean(sco("network-traffic", "\"src_ref\": \"ipv4-addr--" + StixAssertions.REF
                        + "\", \"src_port\": 1, \"dst_port\": 2, \"protocols\": [\"tcp\"], \"extensions\": "
                        + "{\"socket-ext\": {\"address_family\": \"" + family + "\", \"socket_type\": \"" + type
                        + "\"}}"));
            }
        }
        for (String start : TABLE.vocabulary("windows-service-start-type-enum")) {
            for (String type : TABLE.vocabulary("windows-service-type-enum")) {
                for (String status : TABLE.vocabulary("windows-service-status-enum")) {
                    assertClean(sco("process", "\"extensions\": {\"windows-service-ext\": {\"start_type\": \""
                            + start + "\", \"service_type\": \"" + type + "\", \"service_status\": \"" + status
                            + "\"}}"));
                }
            }
        }
    }

    @Test
    void rejectsScoSpecVersionOtherThan21() {
        assertOnly("""
                {"type": "mutex", "spec_version": "2.0", "id": "mutex--%s", "name": "m"}
                """.formatted(StixAssertions.V4), Severity.ERROR, "vocabulary-closed", "/spec_version");
    }

    @Test
    void acceptsScoWithoutSpecVersion() {
        assertClean("""
                {"type": "mutex", "id": "mutex--%s", "name": "m"}
                """.formatted(StixAssertions.V4));
    }

    @Test
    void warnsOnHashAlgorithmOutsideVocabulary() {
        assertWarningOnly(sco("file", """
                "hashes": {"x_foo_hash": "aaaabbbbccccddddeeeeffff0123457890"}
                """), "hash-algorithm", "/hashes/x_foo_hash");
    }
}
