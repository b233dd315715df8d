package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.stix.StixAssertions.assertClean;
import static org.vigil.stix.StixAssertions.assertError;
import static org.vigil.stix.StixAssertions.assertNoErrors;
import static org.vigil.stix.StixAssertions.ref;
import static org.vigil.stix.StixAssertions.sco;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MUSTs of STIX 2.1 that an earlier validator let through, each pinned by a hand-made object that breaks it
 * (see docs/stix-requirements.md, where every requirement names its check and its test).
 */
class RequirementGapsTest {

    @Nested
    class DataTypes {

        @Test
        void rejectsDictionaryKeyLongerThan250Characters() {
            String key = "k".repeat(251);
            assertError(sco("process", "\"environment_variables\": {\"" + key + "\": \"x\"}"), "dictionary-key",
                    "/environment_variables/" + key);
        }

        @Test
        void rejectsEmptyDictionary() {
            assertError(sco("process", "\"environment_variables\": {}"), "dictionary-empty", "/environment_variables");
        }

        @Test
        void rejectsSsdeepHashOutOfItsForm() {
            assertError(sco("file", "\"name\": \"a\", \"hashes\": {\"SSDEEP\": \"not-a-fuzzy-hash\"}"),
                    "hash-invalid", "/hashes/SSDEEP");
        }

        @Test
        void rejectsTlshHashOfTheWrongLength() {
            assertError(sco("file", "\"name\": \"a\", \"hashes\": {\"TLSH\": \"T1abcdef\"}"), "hash-invalid",
                    "/hashes/TLSH");
        }

        @Test
        void rejectsCustomHashAlgorithmNameShorterThanThreeCharacters() {
            assertError(sco("file", "\"name\": \"a\", \"hashes\": {\"x1\": \"abcd\"}"), "hash-algorithm",
                    "/hashes/x1");
        }
    }

    @Nested
    class LanguageTags {

        @ParameterizedTest
        @ValueSource(strings = {"en", "de-CH", "zh-Hant-TW", "es-419", "sl-rozaj-biske", "en-US-x-twain", "x-whatever",
                "i-klingon", "yue", "zh-yue-HK", "de-DE-u-co-phonebk"})
        void acceptsRfc5646LanguageTags(String tag) {
            assertTrue(Formats.of("language-tag").test().test(tag), tag);
            Example.of("campaign").with("lang", tag).validate().isClean();
        }

        @ParameterizedTest
        @ValueSource(strings = {"english", "en_US", "e", "123", "en-", "-en", "en--US", "en US", "de-CH-x"})
        void rejectsLanguageTagThatIsNotRfc5646(String tag) {
            assertFalse(Formats.of("language-tag").test().test(tag), tag);
            Example.of("campaign").with("lang", tag).validate().onlyError("format-invalid", "/lang");
        }

        @Test
        void rejectsGranularMarkingLangThatIsNotRfc5646() {
            Example.of("campaign").withJson("granular_markings", "[{'lang': 'german', 'selectors': ['name']}]")
                    .validate().onlyError("format-invalid", "/granular_markings/0/lang");
        }

        @Test
        void rejectsLanguageContentKeyThatIsNotRfc5646() {
            Example.of("language-content").withJson("contents", "{'german': {'name': 'Bank Angriff'}}")
                    .validate().onlyError("format-invalid", "/contents/german");
        }

        @Test
        void rejectsSoftwareLanguageThatIsNotRfc5646() {
            assertError(sco("software", "\"name\": \"Word\", \"languages\": [\"en\", \"english\"]"), "format-invalid",
                    "/languages/1");
        }
    }

    @Nested
    class ObservableValues {

        @Test
        void rejectsEmailAddressWithDisplayName() {
            assertError(sco("email-addr", "\"value\": \"John Doe <jdoe@example.com>\""), "format-invalid", "/value");
        }

        @Test
        void rejectsEmailAddressWithoutDomain() {
            assertError(sco("email-addr", "\"value\": \"jdoe.example.com\""), "format-invalid", "/value");
        }

        @Test
        void acceptsPlainEmailAddress() {
            assertNoErrors(sco("email-addr", "\"value\": \"jdoe@example.com\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"00:0A:95:9d:68:16", "0:a:95:9d:68:16", "00-0a-95-9d-68-16", "00:0a:95:9d:68"})
        void rejectsMacAddressThatIsNotLowercaseColonDelimitedMac48(String mac) {
            assertError(sco("mac-addr", "\"value\": \"" + mac + "\""), "format-invalid", "/value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"300.1.2.3", "198.51.100", "198.51.100.0/33", "2001:db8::1", "198.51.100.3, 198.51.100.4"})
        void rejectsIpv4ValueThatIsNotOneAddressOrCidr(String value) {
            assertError(sco("ipv4-addr", "\"value\": \"" + value + "\""), "format-invalid", "/value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"198.51.100.3", "198.51.100.0/24", "0.0.0.0/0"})
        void acceptsIpv4AddressOrCidr(String value) {
            assertNoErrors(sco("ipv4-addr", "\"value\": \"" + value + "\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"198.51.100.1", "2001:db8::1::2", "2001:db8:0:0:0:0:0:0:1", "2001:db8::/129", "gggg::1",
                "2001:db8:0:0:0:0:0"})
        void rejectsIpv6ValueThatIsNotOneAddressOrCidr(String value) {
            assertError(sco("ipv6-addr", "\"value\": \"" + value + "\""), "format-invalid", "/value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2001:db8::1", "::1", "::", "2001:db8::/32", "2001:0db8:0000:0000:0000:ff00:0042:8329",
                "::ffff:198.51.100.1", "fe80::"})
        void acceptsIpv6AddressOrCidr(String value) {
            assertNoErrors(sco("ipv6-addr", "\"value\": \"" + value + "\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"exa mple.com", "example..com", "-example.com", "example-.com", "http://example.com"})
        void rejectsDomainNameThatIsNotRfc1034(String value) {
            assertError(sco("domain-name", "\"value\": \"" + value + "\""), "format-invalid", "/value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"example.com", "xn--bcher-kva.example", "bücher.example", "localhost", "example.com."})
        void acceptsDomainNames(String value) {
            assertNoErrors(sco("domain-name", "\"value\": \"" + value + "\""));
        }

        @Test
        void rejectsSoftwareCpeThatIsNotACpe23Name() {
            assertError(sco("software", "\"name\": \"Word\", \"cpe\": \"microsoft word 2000\""), "format-invalid",
                    "/cpe");
            assertError(sco("software", "\"name\": \"Word\", \"cpe\": \"cpe:/a:microsoft:word:2000\""),
                    "format-invalid", "/cpe");
        }

        @Test
        void acceptsSoftwareCpe23Name() {
            assertNoErrors(sco("software", "\"name\": \"Word\", "
                    + "\"cpe\": \"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*\""));
            assertNoErrors(sco("software", "\"name\": \"x\", \"cpe\": \"cpe:2.3:a:acme:a\\\\:b:1.0:*:*:*:*:*:*:*\""));
        }

        @Test
        void rejectsRegistryKeyWithAbbreviatedHive() {
            assertError(sco("windows-registry-key", "\"key\": \"HKLM\\\\Software\\\\Foo\""), "format-invalid", "/key");
        }

        @Test
        void acceptsRegistryKeyWithItsHiveInFull() {
            assertClean(sco("windows-registry-key", "\"key\": \"hkey_local_machine\\\\System\\\\Foo\\\\Bar\""));
        }
    }

    @Nested
    class ObservableRules {

        @Test
        void rejectsActiveTrafficWithAnEnd() {
            assertError(sco("network-traffic", "\"dst_ref\": \"" + ref("ipv4-addr") + "\", \"protocols\": [\"tcp\"], "
                    + "\"src_port\": 1, \"dst_port\": 2, \"is_active\": true, \"start\": \"2016-01-01T00:00:00Z\", "
                    + "\"end\": \"2016-01-01T00:01:00Z\""), "forbidden", "/end");
        }

        @Test
        void rejectsMultipartMessageWithABody() {
            assertError(sco("email-message", "\"is_multipart\": true, \"body\": \"hello\""), "forbidden", "/body");
        }

        @Test
        void rejectsSinglePartMessageWithBodyParts() {
            assertError(sco("email-message", "\"is_multipart\": false, \"body_multipart\": [{\"body\": \"x\"}]"),
                    "forbidden", "/body_multipart");
        }

        @Test
        void rejectsObservedDataWithoutAnyScoReference() {
            Example.of("observed-data").withJson("object_refs", "['" + Ids.RELATIONSHIP + "']").validate()
                    .onlyError("refers-to-one", "/object_refs");
        }
    }

    @Nested
    class MarkingsAndExtensions {

        @Test
        void rejectsMarkingDefinitionThatMarksItself() {
            Example marking = Example.of("marking-definition");
            marking.withJson("object_marking_refs", "['" + marking.id() + "']").validate()
                    .onlyError("self-reference", "/object_marking_refs/0");
        }

        @Test
        void rejectsMarkingDefinitionWithAGranularMarkingOfItself() {
            Example marking = Example.of("marking-definition");
            marking.withJson("granular_markings", "[{'marking_ref': '" + marking.id() + "', 'selectors': ['name']}]")
                    .with("name", "statement").validate()
                    .onlyError("self-reference", "/granular_markings/0/marking_ref");
        }

        @Test
        void rejectsExtensionPropertiesWithoutAToplevelPropertyExtension() {
            Example.of("extension-definition").withJson("extension_types", "['property-extension']")
                    .withJson("extension_properties", "['x_acme_priority']").validate()
                    .onlyError("requires-value", "/extension_properties");
        }

        @Test
        void rejectsExtensionThatIsAnEmptyDictionary() {
            Example.of("campaign").withJson("extensions", "{'" + Ids.EXTENSION_DEFINITION + "': {}}").validate()
                    .onlyError("dictionary-empty", "/extensions/" + Ids.EXTENSION_DEFINITION);
        }
    }
}
