package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.vigil.stix.StixAssertions.assertClean;
import static org.vigil.stix.StixAssertions.assertError;
import static org.vigil.stix.StixAssertions.assertNoErrors;
import static org.vigil.stix.StixAssertions.assertOnly;
import static org.vigil.stix.StixAssertions.assertWarningOnly;
import static org.vigil.stix.StixAssertions.ref;
import static org.vigil.stix.StixAssertions.sco;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 18 STIX 2.1 cyber-observable objects (section 6) as sco.json describes them: for each, a valid object
 * passes, and each constraint the specification states is caught with its finding code.
 */
class ScoTableTest {

    private static final TypeTable TABLE = TypeTable.standard();

    @Test
    void definesAllEighteenCyberObservablesAsScos() {
        List<String> types = List.of("artifact", "autonomous-system", "directory", "domain-name", "email-addr",
                "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process",
                "software", "url", "user-account", "windows-registry-key", "x509-certificate");
        for (String type : types) {
            Shape shape = TABLE.type(type);
            assertNotNull(shape, type);
            assertEquals("sco", shape.category(), type);
            // common SCO properties come from common.json
            assertNotNull(shape.properties().get("defanged"), type);
            assertNotNull(shape.properties().get("extensions"), type);
        }
    }

    @Test
    void listsIdContributingPropertiesInSpecificationOrder() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("artifact", List.of("hashes", "payload_bin")),
                Map.entry("autonomous-system", List.of("number")),
                Map.entry("directory", List.of("path")),
                Map.entry("domain-name", List.of("value")),
                Map.entry("email-addr", List.of("value")),
                Map.entry("email-message", List.of("from_ref", "subject", "body")),
                Map.entry("file", List.of("hashes", "name", "extensions", "parent_directory_ref")),
                Map.entry("ipv4-addr", List.of("value")),
                Map.entry("ipv6-addr", List.of("value")),
                Map.entry("mac-addr", List.of("value")),
                Map.entry("mutex", List.of("name")),
                Map.entry("network-traffic", List.of("start", "end", "src_ref", "dst_ref", "src_port", "dst_port",
                        "protocols", "extensions")),
                Map.entry("process", List.of()),
                Map.entry("software", List.of("name", "cpe", "swid", "vendor", "version")),
                Map.entry("url", List.of("value")),
                Map.entry("user-account", List.of("account_type", "user_id", "account_login")),
                Map.entry("windows-registry-key", List.of("key", "values")),
                Map.entry("x509-certificate", List.of("hashes", "serial_number")));
        expected.forEach((type, props) -> assertEquals(props, TABLE.type(type).idContributing(), type));
    }

    @Test
    void scosHaveNoCreatedOrModified() {
        for (String type : List.of("file", "ipv4-addr", "network-traffic", "process")) {
            Shape shape = TABLE.type(type);
            assertEquals(null, shape.properties().get("created"), type);
            assertEquals(null, shape.properties().get("modified"), type);
        }
        assertWarningOnly(sco("mutex", """
                "name": "__CLEANSWEEP__", "created": "2016-05-12T08:17:27.000Z"
                """), "custom-property", "/created");
    }

    @Nested
    class Artifact {
        @Test
        void acceptsPayload() {
            assertClean(sco("artifact", """
                    "mime_type": "image/jpeg", "payload_bin": "iVBORw0KGgoAAAANSUhEUgAAADI="
                    """));
        }

        @Test
        void acceptsUrlWithHashes() {
            assertClean(sco("artifact", """
                    "mime_type": "application/zip", "url": "https://example.com/sample.zip",
                    "hashes": {"SHA-256": "6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"},
                    "encryption_algorithm": "mime-type-indicated", "decryption_key": "infected"
                    """));
        }

        @Test
        void rejectsArtifactWithNeitherPayloadNorUrl() {
            assertOnly(sco("artifact", """
                    "mime_type": "image/jpeg"
                    """), Severity.ERROR, "exactly-one", "");
        }

        @Test
        void rejectsArtifactWithBothPayloadAndUrl() {
            assertError(sco("artifact", """
                    "payload_bin": "aGVsbG8=", "url": "https://example.com/hello",
                    "hashes": {"MD5": "5d41402abc4b2a76b9719d911017c592"}
                    """), "exactly-one", "");
        }

        @Test
        void rejectsUrlWithoutHashes() {
            assertOnly(sco("artifact", """
                    "url": "https://example.com/sample.zip"
                    """), Severity.ERROR, "requires", "/hashes");
        }

        @Test
        void rejectsDecryptionKeyWithoutEncryptionAlgorithm() {
            assertOnly(sco("artifact", """
                    "payload_bin": "aGVsbG8=", "decryption_key": "infected"
                    """), Severity.ERROR, "requires", "/encryption_algorithm");
        }

        @Test
        void rejectsEncryptionAlgorithmOutsideEnumeration() {
            assertError(sco("artifact", """
                    "payload_bin": "aGVsbG8=", "encryption_algorithm": "rot13"
                    """), "vocabulary-closed", "/encryption_algorithm");
        }

        @Test
        void rejectsPayloadThatIsNotBase64() {
            assertError(sco("artifact", """
                    "payload_bin": "not base64!"
                    """), "binary-invalid", "/payload_bin");
        }

        @Test
        void rejectsRelativeUrl() {
            assertError(sco("artifact", """
                    "url": "/samples/1.zip", "hashes": {"MD5": "5d41402abc4b2a76b9719d911017c592"}
                    """), "url-invalid", "/url");
        }
    }

    @Nested
    class AutonomousSystem {
        @Test
        void acceptsNumberedSystem() {
            assertClean(sco("autonomous-system", """
                    "number": 15139, "name": "Slime Industries", "rir": "ARIN"
                    """));
        }

        @Test
        void rejectsAutonomousSystemWithoutNumber() {
            assertOnly(sco("autonomous-system", """
                    "name": "Slime Industries"
                    """), Severity.ERROR, "required-missing", "/number");
        }

        @Test
        void rejectsNonIntegerNumber() {
            assertError(sco("autonomous-system", """
                    "number": "AS15139"
                    """), "type-mismatch", "/number");
        }
    }

    @Nested
    class Directory {
        @Test
        void acceptsDirectoryWithContents() {
            assertClean(sco("directory", """
                    "path": "C:\\\\Windows\\\\System32", "path_enc": "windows-1252",
                    "ctime": "2016-01-20T12:31:12Z", "mtime": "2016-01-20T12:31:12Z", "atime": "2016-01-20T12:31:12Z",
                    "contains_refs": ["%s", "%s"]
                    """.formatted(ref("file"), ref("directory"))));
        }

        @Test
        void rejectsDirectoryWithoutPath() {
            assertOnly(sco("directory", """
                    "path_enc": "utf-8"
                    """), Severity.ERROR, "required-missing", "/path");
        }

        @Test
        void rejectsDirectoryContainingSomethingOtherThanFilesAndDirectories() {
            assertError(sco("directory", """
                    "path": "/tmp", "contains_refs": ["%s"]
                    """.formatted(ref("ipv4-addr"))), "ref-type", "/contains_refs/0");
        }

        @Test
        void rejectsInvalidTimestamp() {
            assertError(sco("directory", """
                    "path": "/tmp", "mtime": "yesterday"
                    """), "timestamp-invalid", "/mtime");
        }
    }

    @Nested
    class DomainName {
        @Test
        void acceptsDomainResolvingToAddressesAndNames() {
            assertClean(sco("domain-name", """
                    "value": "example.com", "resolves_to_refs": ["%s", "%s", "%s"]
                    """.formatted(ref("ipv4-addr"), ref("ipv6-addr"), ref("domain-name"))));
        }

        @Test
        void rejectsDomainWithoutValue() {
            assertOnly(sco("domain-name", ""), Severity.ERROR, "required-missing", "/value");
        }

        @Test
        void rejectsDomainResolvingToMacAddress() {
            assertError(sco("domain-name", """
                    "value": "example.com", "resolves_to_refs": ["%s"]
                    """.formatted(ref("mac-addr"))), "ref-type", "/resolves_to_refs/0");
        }
    }

    @Nested
    class EmailAddr {
        @Test
        void acceptsAddressWithDisplayNameAndAccount() {
            assertClean(sco("email-addr", """
                    "value": "john@example.com", "display_name": "John Doe", "belongs_to_ref": "%s"
                    """.formatted(ref("user-account"))));
        }

        @Test
        void rejectsAddressWithoutValue() {
            assertOnly(sco("email-addr", """
                    "display_name": "John Doe"
                    """), Severity.ERROR, "required-missing", "/value");
        }

        @Test
        void rejectsAddressBelongingToSomethingOtherThanUserAccount() {
            assertError(sco("email-addr", """
                    "value": "john@example.com", "belongs_to_ref": "%s"
                    """.formatted(ref("identity"))), "ref-type", "/belongs_to_ref");
        }
    }

    @Nested
    class EmailMessage {
        @Test
        void acceptsSimpleMessage() {
            assertClean(sco("email-message", """
                    "is_multipart": false, "date": "1997-11-21T15:55:06.000Z",
                    "content_type": "text/plain", "from_ref": "%1$s", "sender_ref": "%1$s",
                    "to_refs": ["%1$s"], "cc_refs": ["%1$s"], "bcc_refs": ["%1$s"],
                    "message_id": "<1234@example.com>", "subject": "Saying Hello",
                    "received_lines": ["from mail.example.com by smtp.example.net"],
                    "additional_header_fields": {"Reply-To": ["steve@example.com", "jane@example.com"]},
                    "body": "Hello", "raw_email_ref": "%2$s"
                    """.formatted(ref("email-addr"), ref("artifact"))));
        }

        @Test
        void acceptsMultipartMessage() {
            assertClean(sco("email-message", """
                    "is_multipart": true, "content_type": "multipart/mixed",
                    "body_multipart": [
                      {"content_type": "text/plain; charset=utf-8", "content_disposition": "inline",
                       "body": "Cats are funny!"},
                      {"content_type": "image/png", "content_disposition": "attachment; filename=\\"tabby.png\\"",
                       "body_raw_ref": "%s"},
                      {"content_type": "application/zip", "body_raw_ref": "%s"}
                    ]
                    """.formatted(ref("artifact"), ref("file"))));
        }

        @Test
        void rejectsMessageWithoutIsMultipart() {
            assertOnly(sco("email-message", """
                    "subject": "Hello"
                    """), Severity.ERROR, "required-missing", "/is_multipart");
        }

        @Test
        void rejectsMessageWithBothBodyAndBodyMultipart() {
            assertOnly(sco("email-message", """
                    "is_multipart": true, "body": "hello", "body_multipart": [{"body": "hello"}]
                    """), Severity.ERROR, "forbidden", "/body");
        }

        @Test
        void rejectsMimePartWithNeitherBodyNorRawReference() {
            assertOnly(sco("email-message", """
                    "is_multipart": true, "body_multipart": [{"content_type": "text/plain"}]
                    """), Severity.ERROR, "at-least-one", "/body_multipart/0");
        }

        @Test
        void rejectsMimePartReferencingSomethingOtherThanArtifactOrFile() {
            assertError(sco("email-message", """
                    "is_multipart": true, "body_multipart": [{"body_raw_ref": "%s"}]
                    """.formatted(ref("url"))), "ref-type", "/body_multipart/0/body_raw_ref");
        }

        @Test
        void rejectsRecipientThatIsNotAnEmailAddress() {
            assertError(sco("email-message", """
                    "is_multipart": false, "to_refs": ["%s"]
                    """.formatted(ref("user-account"))), "ref-type", "/to_refs/0");
        }

        @Test
        void rejectsRawEmailThatIsNotAnArtifact() {
            assertError(sco("email-message", """
                    "is_multipart": false, "raw_email_ref": "%s"
                    """.formatted(ref("file"))), "ref-type", "/raw_email_ref");
        }

        @Test
        void rejectsAdditionalHeaderFieldGivenAsPlainString() {
            // Section 6.6.1: each value MUST be a list of strings, even for a header that occurs once.
            assertError(sco("email-message", """
                    "is_multipart": false, "additional_header_fields": {"X-Mailer": "Mutt/1.5.23"}
                    """), "type-mismatch", "/additional_header_fields/X-Mailer");
        }
    }

    @Nested
    class File {
        @Test
        void acceptsFileWithEveryProperty() {
            assertClean(sco("file", """
                    "hashes": {"SHA-256": "fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db"},
                    "size": 25536, "name": "quêry.dll", "name_enc": "windows-1252", "magic_number_hex": "4d5a",
                    "mime_type": "application/x-msdownload", "ctime": "2016-01-20T12:31:12Z",
                    "mtime": "2016-01-20T12:31:12Z", "atime": "2016-01-20T12:31:12Z",
                    "parent_directory_ref": "%s", "contains_refs": ["%s", "%s"], "content_ref": "%s"
                    """.formatted(ref("directory"), ref("ipv4-addr"), ref("x-acme-widget"), ref("artifact"))));
        }

        @Test
        void acceptsFileWithOnlyName() {
            assertClean(sco("file", """
                    "name": "foo.dll"
                    """));
        }

        @Test
        void rejectsFileWithNeitherHashesNorName() {
            assertOnly(sco("file", """
                    "size": 25536
                    """), Severity.ERROR, "at-least-one", "");
        }

        @Test
        void rejectsNegativeSize() {
            assertOnly(sco("file", """
                    "name": "foo.dll", "size": -1
                    """), Severity.ERROR, "out-of-range", "/size");
        }

        @Test
        void rejectsMagicNumberThatIsNotHex() {
            assertError(sco("file", """
                    "name": "foo.dll", "magic_number_hex": "MZ"
                    """), "hex-invalid", "/magic_number_hex");
        }

        @Test
        void rejectsParentThatIsNotADirectory() {
            assertError(sco("file", """
                    "name": "foo.dll", "parent_directory_ref": "%s"
                    """.formatted(ref("file"))), "ref-type", "/parent_directory_ref");
        }

        @Test
        void rejectsContainedObjectThatIsNotACyberObservable() {
            assertError(sco("file", """
                    "name": "foo.dll", "contains_refs": ["%s"]
                    """.formatted(ref("indicator"))), "ref-type", "/contains_refs/0");
        }

        @Test
        void rejectsContentThatIsNotAnArtifact() {
            assertError(sco("file", """
                    "name": "foo.dll", "content_ref": "%s"
                    """.formatted(ref("file"))), "ref-type", "/content_ref");
        }

        @Test
        void rejectsMalformedHash() {
            assertError(sco("file", """
                    "hashes": {"SHA-256": "abc"}
                    """), "hash-invalid", "/hashes/SHA-256");
        }
    }

    @Nested
    class IpAddresses {
        @Test
        void acceptsIpv4AddressWithLinks() {
            assertClean(sco("ipv4-addr", """
                    "value": "198.51.100.0/24", "resolves_to_refs": ["%s"], "belongs_to_refs": ["%s"]
                    """.formatted(ref("mac-addr"), ref("autonomous-system"))));
        }

        @Test
        void acceptsIpv6AddressWithLinks() {
            assertClean(sco("ipv6-addr", """
                    "value": "2001:0db8::/96", "resolves_to_refs": ["%s"], "belongs_to_refs": ["%s"]
                    """.formatted(ref("mac-addr"), ref("autonomous-system"))));
        }

        @Test
        void rejectsAddressWithoutValue() {
            assertOnly(sco("ipv4-addr", ""), Severity.ERROR, "required-missing", "/value");
            assertOnly(sco("ipv6-addr", ""), Severity.ERROR, "required-missing", "/value");
        }

        @Test
        void rejectsIpv4ResolvingToSomethingOtherThanMacAddress() {
            assertError(sco("ipv4-addr", """
                    "value": "198.51.100.3", "resolves_to_refs": ["%s"]
                    """.formatted(ref("domain-name"))), "ref-type", "/resolves_to_refs/0");
        }

        @Test
        void rejectsIpv6BelongingToSomethingOtherThanAutonomousSystem() {
            assertError(sco("ipv6-addr", """
                    "value": "2001:db8::1", "belongs_to_refs": ["%s"]
                    """.formatted(ref("identity"))), "ref-type", "/belongs_to_refs/0");
        }
    }

    @Nested
    class MacAddrAndMutex {
        @Test
        void acceptsMacAddress() {
            assertClean(sco("mac-addr", """
                    "value": "d2:fb:49:24:37:18"
                    """));
        }

        @Test
        void rejectsMacAddressWithoutValue() {
            assertOnly(sco("mac-addr", ""), Severity.ERROR, "required-missing", "/value");
        }

        @Test
        void acceptsMutex() {
            assertClean(sco("mutex", """
                    "name": "__CLEANSWEEP__"
                    """));
        }

        @Test
        void rejectsMutexWithoutName() {
            assertOnly(sco("mutex", ""), Severity.ERROR, "required-missing", "/name");
        }
    }

    @Nested
    class NetworkTraffic {
        @Test
        void acceptsTrafficWithEveryProperty() {
            assertClean(sco("network-traffic", """
                    "start": "2016-01-20T12:31:12Z", "end": "2016-01-20T12:31:13Z", "is_active": false,
                    "src_ref": "%1$s", "dst_ref": "%2$s", "src_port": 0, "dst_port": 65535,
                    "protocols": ["ipv4", "tcp", "http"], "src_byte_count": 147600, "dst_byte_count": 0,
                    "src_packets": 100, "dst_packets": 0,
                    "ipfix": {"minimumIpTotalLength": 32, "maximumIpTotalLength": 2556, "flowLabel": "x"},
                    "src_payload_ref": "%3$s", "dst_payload_ref": "%3$s",
                    "encapsulates_refs": ["%4$s"], "encapsulated_by_ref": "%4$s"
                    """.formatted(ref("ipv4-addr"), ref("domain-name"), ref("artifact"), ref("network-traffic"))));
        }

        @Test
        void acceptsTrafficToMacAddressOrIpv6() {
            assertClean(sco("network-traffic", """
                    "src_ref": "%s", "dst_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["ipv6"]
                    """.formatted(ref("mac-addr"), ref("ipv6-addr"))));
        }

        @Test
        void rejectsNetworkTrafficWithoutEndpoints() {
            assertError(sco("network-traffic", """
                    "src_port": 2487, "dst_port": 1723, "protocols": ["tcp"]
                    """), "at-least-one", "");
        }

        @Test
        void rejectsNetworkTrafficWithoutProtocols() {
            assertError(sco("network-traffic", """
                    "src_ref": "%s", "src_port": 1, "dst_port": 2
                    """.formatted(ref("ipv4-addr"))), "required-missing", "/protocols");
        }

        @Test
        void rejectsEmptyProtocols() {
            assertError(sco("network-traffic", """
                    "src_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": []
                    """.formatted(ref("ipv4-addr"))), "list-empty", "/protocols");
        }

        @Test
        void rejectsEndBeforeStart() {
            assertOnly(sco("network-traffic", """
                    "start": "2016-01-20T12:31:12Z", "end": "2016-01-20T12:31:11Z",
                    "src_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["tcp"]
                    """.formatted(ref("ipv4-addr"))), Severity.ERROR, "timestamp-order", "/end");
        }

        @Test
        void acceptsEndEqualToStart() {
            assertClean(sco("network-traffic", """
                    "start": "2016-01-20T12:31:12Z", "end": "2016-01-20T12:31:12Z",
                    "src_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["tcp"]
                    """.formatted(ref("ipv4-addr"))));
        }

        @Test
        void rejectsPortAbove65535() {
            assertOnly(sco("network-traffic", """
                    "src_ref": "%s", "src_port": 65536, "dst_port": 80, "protocols": ["tcp"]
                    """.formatted(ref("ipv4-addr"))), Severity.ERROR, "out-of-range", "/src_port");
        }

        @Test
        void rejectsNegativePort() {
            assertOnly(sco("network-traffic", """
                    "src_ref": "%s", "src_port": 80, "dst_port": -1, "protocols": ["tcp"]
                    """.formatted(ref("ipv4-addr"))), Severity.ERROR, "out-of-range", "/dst_port");
        }

        @Test
        void rejectsNegativeByteAndPacketCounts() {
            String json = sco("network-traffic", """
                    "src_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["tcp"],
                    "src_byte_count": -5, "dst_packets": -1
                    """.formatted(ref("ipv4-addr")));
            assertError(json, "out-of-range", "/src_byte_count");
            assertError(json, "out-of-range", "/dst_packets");
        }

        @Test
        void rejectsSourceThatIsNotAnAddressOrDomain() {
            assertError(sco("network-traffic", """
                    "src_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["tcp"]
                    """.formatted(ref("url"))), "ref-type", "/src_ref");
        }

        @Test
        void rejectsPayloadThatIsNotAnArtifact() {
            assertError(sco("network-traffic", """
                    "dst_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["tcp"], "dst_payload_ref": "%s"
                    """.formatted(ref("ipv4-addr"), ref("file"))), "ref-type", "/dst_payload_ref");
        }

        @Test
        void rejectsEncapsulationOfSomethingOtherThanNetworkTraffic() {
            assertError(sco("network-traffic", """
                    "dst_ref": "%s", "src_port": 1, "dst_port": 2, "protocols": ["tcp"], "encapsulates_refs": ["%s"]
                    """.formatted(ref("ipv4-addr"), ref("process"))), "ref-type", "/encapsulates_refs/0");
        }

        @Test
        void warnsWhenPortsAreMissing() {
            String json = sco("network-traffic", """
                    "dst_ref": "%s", "protocols": ["ipv4", "tcp", "http"]
                    """.formatted(ref("domain-name")));
            assertWarningOnly(json, "recommended-missing", "/src_port");
            assertWarningOnly(json, "recommended-missing", "/dst_port");
        }
    }

    @Nested
    class Process {
        @Test
        void acceptsProcessWithEveryProperty() {
            assertClean(sco("process", """
                    "is_hidden": false, "pid": 1221, "created_time": "2016-01-20T14:11:25.55Z",
                    "cwd": "/home/jdoe", "command_line": "./gedit-bin --new-window",
                    "environment_variables": {"HOME": "/home/jdoe", "LANG": "en_US.UTF-8"},
                    "opened_connection_refs": ["%s"], "creator_user_ref": "%s", "image_ref": "%s",
                    "parent_ref": "%s", "child_refs": ["%s"]
                    """.formatted(ref("network-traffic"), ref("user-account"), ref("file"), ref("process"),
                    ref("process"))));
        }

        @Test
        void acceptsProcessDescribedOnlyByAnExtension() {
            assertClean(sco("process", """
                    "extensions": {"windows-process-ext": {"aslr_enabled": true}}
                    """));
        }

        @Test
        void rejectsProcessWithNoProperty() {
            assertOnly(sco("process", ""), Severity.ERROR, "at-least-one", "");
        }

        @Test
        void rejectsParentThatIsNotAProcess() {
            assertError(sco("process", """
                    "pid": 1, "parent_ref": "%s"
                    """.formatted(ref("file"))), "ref-type", "/parent_ref");
        }

        @Test
        void rejectsImageThatIsNotAFile() {
            assertError(sco("process", """
                    "pid": 1, "image_ref": "%s"
                    """.formatted(ref("artifact"))), "ref-type", "/image_ref");
        }

        @Test
        void rejectsEnvironmentVariableThatIsNotAString() {
            assertError(sco("process", """
                    "environment_variables": {"DEBUG": 1}
                    """), "type-mismatch", "/environment_variables/DEBUG");
        }
    }

    @Nested
    class Software {
        @Test
        void acceptsSoftware() {
            assertClean(sco("software", """
                    "name": "Word", "cpe": "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*",
                    "swid": "com.microsoft.word-2000", "languages": ["en", "fr-CA"], "vendor": "Microsoft",
                    "version": "2002"
                    """));
        }

        @Test
        void rejectsSoftwareWithoutName() {
            assertOnly(sco("software", """
                    "vendor": "Microsoft"
                    """), Severity.ERROR, "required-missing", "/name");
        }

        @Test
        void rejectsLanguagesThatAreNotAList() {
            assertError(sco("software", """
                    "name": "Word", "languages": "en"
                    """), "type-mismatch", "/languages");
        }
    }

    @Nested
    class Url {
        @Test
        void acceptsUrl() {
            assertClean(sco("url", """
                    "value": "https://example.com/research/index.html"
                    """));
        }

        @Test
        void rejectsUrlWithoutValue() {
            assertOnly(sco("url", ""), Severity.ERROR, "required-missing", "/value");
        }

        @Test
        void rejectsValueThatIsNotAUrl() {
            assertError(sco("url", """
                    "value": "research/index.html"
                    """), "url-invalid", "/value");
        }
    }

    @Nested
    class UserAccount {
        @Test
        void acceptsUnixAccount() {
            assertClean(sco("user-account", """
                    "user_id": "1001", "credential": "password", "account_login": "jdoe", "account_type": "unix",
                    "display_name": "John Doe", "is_service_account": false, "is_privileged": false,
                    "can_escalate_privs": true, "is_disabled": false, "account_created": "2016-01-20T12:31:12Z",
                    "account_expires": "2018-01-20T12:31:12Z", "credential_last_changed": "2016-01-20T14:27:43Z",
                    "account_first_login": "2016-01-20T14:26:07Z", "account_last_login": "2016-07-22T16:08:28Z"
                    """));
        }

        @Test
        void rejectsAccountWithNoProperty() {
            assertOnly(sco("user-account", ""), Severity.ERROR, "at-least-one", "");
        }

        @Test
        void warnsOnAccountTypeOutsideVocabulary() {
            assertWarningOnly(sco("user-account", """
                    "user_id": "thegrugq_ebooks", "account_type": "mastodon"
                    """), "vocabulary-open", "/account_type");
        }

        @Test
        void rejectsBooleanGivenAsString() {
            assertError(sco("user-account", """
                    "user_id": "1001", "is_privileged": "yes"
                    """), "type-mismatch", "/is_privileged");
        }
    }

    @Nested
    class WindowsRegistryKey {
        @Test
        void acceptsKeyWithValues() {
            assertClean(sco("windows-registry-key", """
                    "key": "HKEY_LOCAL_MACHINE\\\\System\\\\Foo\\\\Bar",
                    "values": [{"name": "Foo", "data": "qwerty", "data_type": "REG_SZ"},
                               {"name": "", "data": "42", "data_type": "REG_DWORD"}],
                    "modified_time": "2016-01-20T12:31:12Z", "creator_user_ref": "%s", "number_of_subkeys": 2
                    """.formatted(ref("user-account"))));
        }

        @Test
        void rejectsKeyWithNoProperty() {
            assertOnly(sco("windows-registry-key", ""), Severity.ERROR, "at-least-one", "");
        }

        @Test
        void rejectsEmptyRegistryValue() {
            assertOnly(sco("windows-registry-key", """
                    "key": "HKEY_LOCAL_MACHINE\\\\System", "values": [{}]
                    """), Severity.ERROR, "at-least-one", "/values/0");
        }

        @Test
        void rejectsDataTypeOutsideEnumeration() {
            assertError(sco("windows-registry-key", """
                    "key": "HKEY_LOCAL_MACHINE\\\\System", "values": [{"name": "Foo", "data_type": "REG_STRING"}]
                    """), "vocabulary-closed", "/values/0/data_type");
        }

        @Test
        void rejectsCreatorThatIsNotAUserAccount() {
            assertError(sco("windows-registry-key", """
                    "key": "HKEY_LOCAL_MACHINE\\\\System", "creator_user_ref": "%s"
                    """.formatted(ref("identity"))), "ref-type", "/creator_user_ref");
        }
    }

    @Nested
    class X509Certificate {
        @Test
        void acceptsCertificateWithV3Extensions() {
            assertClean(sco("x509-certificate", """
                    "is_self_signed": false,
                    "hashes": {"SHA-256": "6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"},
                    "version": "3", "serial_number": "02:08:87:83:f2:13:58:1f:79:52:1e:66:90:0a:02:24:c9:6b:c7:dc",
                    "signature_algorithm": "md5WithRSAEncryption",
                    "issuer": "C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc",
                    "validity_not_before": "2016-03-12T12:00:00Z", "validity_not_after": "2016-08-21T12:00:00Z",
                    "subject": "C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft",
                    "subject_public_key_algorithm": "rsaEncryption", "subject_public_key_modulus": "00b4d5",
                    "subject_public_key_exponent": 65537,
                    "x509_v3_extensions": {
                      "basic_constraints": "critical,CA:TRUE, pathlen:0",
                      "name_constraints": "permitted;IP:192.168.0.0/255.255.0.0",
                      "policy_constraints": "requireExplicitPolicy:3", "key_usage": "critical, keyCertSign",
                      "extended_key_usage": "critical,codeSigning,1.2.3.4", "subject_key_identifier": "hash",
                      "authority_key_identifier": "keyid,issuer",
                      "subject_alternative_name": "email:my@other.address,RID:1.2.3.4",
                      "issuer_alternative_name": "issuer:copy", "subject_directory_attributes": "nationality",
                      "crl_distribution_points": "URI:http://myhost.com/myca.crl", "inhibit_any_policy": "2",
                      "private_key_usage_period_not_before": "2016-03-12T12:00:00Z",
                      "private_key_usage_period_not_after": "2018-03-12T12:00:00Z",
                      "certificate_policies": "1.2.4.5, 1.1.3.4", "policy_mappings": "1.2.3.4:1.2.3.5"
                    }
                    """));
        }

        @Test
        void rejectsCertificateWithNoSpecificProperty() {
            assertOnly(sco("x509-certificate", """
                    "defanged": false
                    """), Severity.ERROR, "at-least-one", "");
        }

        @Test
        void rejectsEmptyV3Extensions() {
            assertOnly(sco("x509-certificate", """
                    "serial_number": "36:f7", "x509_v3_extensions": {}
                    """), Severity.ERROR, "at-least-one", "/x509_v3_extensions");
        }

        @Test
        void rejectsExponentGivenAsString() {
            assertError(sco("x509-certificate", """
                    "subject_public_key_exponent": "65537"
                    """), "type-mismatch", "/subject_public_key_exponent");
        }
    }

    @Test
    void acceptsCommonScoPropertiesOnEveryType() {
        assertNoErrors(sco("mutex", """
                "name": "evil", "defanged": true,
                "object_marking_refs": ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"]
                """));
    }
}
