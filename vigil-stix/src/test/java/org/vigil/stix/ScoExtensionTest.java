package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.vigil.stix.StixAssertions.assertClean;
import static org.vigil.stix.StixAssertions.assertError;
import static org.vigil.stix.StixAssertions.assertOnly;
import static org.vigil.stix.StixAssertions.assertWarningOnly;
import static org.vigil.stix.StixAssertions.ref;
import static org.vigil.stix.StixAssertions.sco;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The predefined SCO extensions of STIX 2.1 (sections 6.7, 6.12, 6.13 and 6.16): for each, a valid extension
 * passes, and each constraint the specification states is caught with its finding code.
 */
class ScoExtensionTest {

    private static String file(String extensions) {
        return sco("file", "\"name\": \"foo.bin\", \"extensions\": {" + extensions + "}");
    }

    private static String traffic(String extensions) {
        return sco("network-traffic", "\"src_ref\": \"" + ref("ipv4-addr") + "\", \"src_port\": 1024, "
                + "\"dst_port\": 80, \"protocols\": [\"ipv4\", \"tcp\", \"http\"], \"extensions\": {" + extensions + "}");
    }

    private static String process(String extensions) {
        return sco("process", "\"pid\": 314, \"extensions\": {" + extensions + "}");
    }

    private static String account(String extensions) {
        return sco("user-account", "\"user_id\": \"1001\", \"extensions\": {" + extensions + "}");
    }

    @Test
    void definesEveryPredefinedExtensionOnItsObjectType() {
        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry("archive-ext", Set.of("file")),
                Map.entry("ntfs-ext", Set.of("file")),
                Map.entry("pdf-ext", Set.of("file")),
                Map.entry("raster-image-ext", Set.of("file")),
                Map.entry("windows-pebinary-ext", Set.of("file")),
                Map.entry("http-request-ext", Set.of("network-traffic")),
                Map.entry("icmp-ext", Set.of("network-traffic")),
                Map.entry("socket-ext", Set.of("network-traffic")),
                Map.entry("tcp-ext", Set.of("network-traffic")),
                Map.entry("windows-process-ext", Set.of("process")),
                Map.entry("windows-service-ext", Set.of("process")),
                Map.entry("unix-account-ext", Set.of("user-account")));
        expected.forEach((name, on) -> {
            Shape shape = TypeTable.standard().extension(name);
            assertNotNull(shape, name);
            assertEquals(on, shape.on(), name);
        });
    }

    @Test
    void rejectsFileExtensionOnNetworkTraffic() {
        assertError(traffic("""
                "archive-ext": {"contains_refs": ["%s"]}
                """.formatted(ref("file"))), "extension-misplaced", "/extensions/archive-ext");
    }

    @Test
    void rejectsProcessExtensionOnUserAccount() {
        assertError(account("""
                "windows-service-ext": {"service_name": "sirvizio"}
                """), "extension-misplaced", "/extensions/windows-service-ext");
    }

    @Test
    void warnsOnUnknownPropertyInsidePredefinedExtension() {
        assertWarningOnly(file("""
                "archive-ext": {"contains_refs": ["%s"], "version": "5.0"}
                """.formatted(ref("file"))), "custom-property", "/extensions/archive-ext/version");
    }

    @Nested
    class ArchiveExt {
        @Test
        void acceptsArchive() {
            assertClean(file("""
                    "archive-ext": {"contains_refs": ["%s", "%s"], "comment": "holiday pictures"}
                    """.formatted(ref("file"), ref("directory"))));
        }

        @Test
        void rejectsArchiveWithoutContents() {
            assertOnly(file("""
                    "archive-ext": {"comment": "empty"}
                    """), Severity.ERROR, "required-missing", "/extensions/archive-ext/contains_refs");
        }

        @Test
        void rejectsArchiveContainingSomethingOtherThanFilesAndDirectories() {
            assertError(file("""
                    "archive-ext": {"contains_refs": ["%s"]}
                    """.formatted(ref("url"))), "ref-type", "/extensions/archive-ext/contains_refs/0");
        }
    }

    @Nested
    class NtfsExt {
        @Test
        void acceptsAlternateDataStreams() {
            assertClean(file("""
                    "ntfs-ext": {"sid": "S-1-5-21-186985262-1144665072-74031268-1309",
                      "alternate_data_streams": [{"name": "second.stream", "size": 25536,
                        "hashes": {"SHA-1": "5bd4a1c1ff5d8c5a2f9a7d2c2e6e3c4d4a1e2f3b"}}]}
                    """));
        }

        @Test
        void rejectsEmptyNtfsExtension() {
            assertOnly(file("""
                    "ntfs-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/ntfs-ext");
        }

        @Test
        void rejectsStreamWithoutName() {
            assertOnly(file("""
                    "ntfs-ext": {"alternate_data_streams": [{"size": 1}]}
                    """), Severity.ERROR, "required-missing", "/extensions/ntfs-ext/alternate_data_streams/0/name");
        }

        @Test
        void rejectsNegativeStreamSize() {
            assertError(file("""
                    "ntfs-ext": {"alternate_data_streams": [{"name": "s", "size": -1}]}
                    """), "out-of-range", "/extensions/ntfs-ext/alternate_data_streams/0/size");
        }
    }

    @Nested
    class PdfExt {
        @Test
        void acceptsPdf() {
            assertClean(file("""
                    "pdf-ext": {"version": "1.7", "is_optimized": false,
                      "document_info_dict": {"Title": "Sample document", "CreationDate": "20070412090123-02"},
                      "pdfid0": "DFCE52BD827ECF765649852119D", "pdfid1": "57A1E0F9ED2AE523E313C"}
                    """));
        }

        @Test
        void rejectsEmptyPdfExtension() {
            assertOnly(file("""
                    "pdf-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/pdf-ext");
        }

        @Test
        void rejectsDocumentInfoValueThatIsNotAString() {
            assertError(file("""
                    "pdf-ext": {"document_info_dict": {"Pages": 3}}
                    """), "type-mismatch", "/extensions/pdf-ext/document_info_dict/Pages");
        }
    }

    @Nested
    class RasterImageExt {
        @Test
        void acceptsImageWithExifTags() {
            assertClean(file("""
                    "raster-image-ext": {"image_height": 768, "image_width": 1024, "bits_per_pixel": 72,
                      "exif_tags": {"Make": "Nikon", "Model": "D7000", "XResolution": 4928}}
                    """));
        }

        @Test
        void rejectsEmptyRasterImageExtension() {
            assertOnly(file("""
                    "raster-image-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/raster-image-ext");
        }

        @Test
        void rejectsFractionalImageHeight() {
            assertError(file("""
                    "raster-image-ext": {"image_height": 76.5}
                    """), "type-mismatch", "/extensions/raster-image-ext/image_height");
        }
    }

    @Nested
    class WindowsPebinaryExt {
        @Test
        void acceptsTypicalExe() {
            assertClean(file("""
                    "windows-pebinary-ext": {
                      "pe_type": "exe", "imphash": "1c4f8f8d1dbb8e8d1d2e3f4a5b6c7d8e", "machine_hex": "014c",
                      "number_of_sections": 4, "time_date_stamp": "2016-01-22T12:31:12Z",
                      "pointer_to_symbol_table_hex": "74726144", "number_of_symbols": 4542568,
                      "size_of_optional_header": 224, "characteristics_hex": "818f",
                      "file_header_hashes": {"MD5": "5d41402abc4b2a76b9719d911017c592"},
                      "optional_header": {
                        "magic_hex": "010b", "major_linker_version": 2, "minor_linker_version": 25,
                        "size_of_code": 512, "size_of_initialized_data": 283648, "size_of_uninitialized_data": 0,
                        "address_of_entry_point": 4096, "base_of_code": 4096, "base_of_data": 8192,
                        "image_base": 14548992, "section_alignment": 4096, "file_alignment": 4096,
                        "major_os_version": 1, "minor_os_version": 0, "major_image_version": 0,
                        "minor_image_version": 0, "major_subsystem_version": 4, "minor_subsystem_version": 0,
                        "win32_version_value_hex": "00", "size_of_image": 299008, "size_of_headers": 4096,
                        "checksum_hex": "00", "subsystem_hex": "03", "dll_characteristics_hex": "00",
                        "size_of_stack_reserve": 100000, "size_of_stack_commit": 8192,
                        "size_of_heap_reserve": 100000, "size_of_heap_commit": 4096,
                        "loader_flags_hex": "abdbffde", "number_of_rva_and_sizes": 3758087646,
                        "hashes": {"SHA-256": "6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b"}
                      },
                      "sections": [
                        {"name": "CODE", "entropy": 0.061089},
                        {"name": "DATA", "entropy": 7.980693, "size": 4096,
                         "hashes": {"MD5": "5d41402abc4b2a76b9719d911017c592"}},
                        {"name": ".idata", "entropy": 0}
                      ]
                    }
                    """));
        }

        @Test
        void rejectsExtensionWithOnlyPeType() {
            assertOnly(file("""
                    "windows-pebinary-ext": {"pe_type": "dll"}
                    """), Severity.ERROR, "at-least-one", "/extensions/windows-pebinary-ext");
        }

        @Test
        void rejectsExtensionWithoutPeType() {
            assertOnly(file("""
                    "windows-pebinary-ext": {"machine_hex": "014c"}
                    """), Severity.ERROR, "required-missing", "/extensions/windows-pebinary-ext/pe_type");
        }

        @Test
        void warnsOnPeTypeOutsideVocabulary() {
            assertWarningOnly(file("""
                    "windows-pebinary-ext": {"pe_type": "ocx", "machine_hex": "014c"}
                    """), "vocabulary-open", "/extensions/windows-pebinary-ext/pe_type");
        }

        @Test
        void rejectsEmptyOptionalHeader() {
            assertOnly(file("""
                    "windows-pebinary-ext": {"pe_type": "exe", "optional_header": {}}
                    """), Severity.ERROR, "at-least-one", "/extensions/windows-pebinary-ext/optional_header");
        }

        @Test
        void rejectsNegativeSizesInOptionalHeader() {
            assertError(file("""
                    "windows-pebinary-ext": {"pe_type": "exe", "optional_header": {"size_of_image": -4096}}
                    """), "out-of-range", "/extensions/windows-pebinary-ext/optional_header/size_of_image");
        }

        @Test
        void rejectsSectionWithoutName() {
            assertOnly(file("""
                    "windows-pebinary-ext": {"pe_type": "exe", "sections": [{"entropy": 1.5}]}
                    """), Severity.ERROR, "required-missing", "/extensions/windows-pebinary-ext/sections/0/name");
        }

        @Test
        void rejectsSectionEntropyAboveEightBits() {
            assertOnly(file("""
                    "windows-pebinary-ext": {"pe_type": "exe", "sections": [{"name": "CODE", "entropy": 8.5}]}
                    """), Severity.ERROR, "out-of-range", "/extensions/windows-pebinary-ext/sections/0/entropy");
        }

        @Test
        void rejectsNegativeNumberOfSections() {
            assertOnly(file("""
                    "windows-pebinary-ext": {"pe_type": "exe", "number_of_sections": -1}
                    """), Severity.ERROR, "out-of-range", "/extensions/windows-pebinary-ext/number_of_sections");
        }

        @Test
        void rejectsMachineThatIsNotHex() {
            assertError(file("""
                    "windows-pebinary-ext": {"pe_type": "exe", "machine_hex": "i386"}
                    """), "hex-invalid", "/extensions/windows-pebinary-ext/machine_hex");
        }
    }

    @Nested
    class HttpRequestExt {
        @Test
        void acceptsRequest() {
            assertClean(traffic("""
                    "http-request-ext": {"request_method": "get", "request_value": "/download.html",
                      "request_version": "http/1.1",
                      "request_header": {"Accept-Encoding": ["gzip,deflate"], "Host": ["www.example.com"]},
                      "message_body_length": 0, "message_body_data_ref": "%s"}
                    """.formatted(ref("artifact"))));
        }

        @Test
        void rejectsRequestWithoutMethodOrValue() {
            String json = traffic("""
                    "http-request-ext": {"request_version": "http/1.1"}
                    """);
            assertError(json, "required-missing", "/extensions/http-request-ext/request_method");
            assertError(json, "required-missing", "/extensions/http-request-ext/request_value");
        }

        @Test
        void rejectsHeaderValueGivenAsPlainString() {
            assertError(traffic("""
                    "http-request-ext": {"request_method": "get", "request_value": "/",
                      "request_header": {"Host": "www.example.com"}}
                    """), "type-mismatch", "/extensions/http-request-ext/request_header/Host");
        }

        @Test
        void warnsOnUppercaseMethod() {
            assertWarningOnly(traffic("""
                    "http-request-ext": {"request_method": "GET", "request_value": "/"}
                    """), "lowercase-hyphen", "/extensions/http-request-ext/request_method");
        }

        @Test
        void rejectsBodyDataThatIsNotAnArtifact() {
            assertError(traffic("""
                    "http-request-ext": {"request_method": "post", "request_value": "/",
                      "message_body_data_ref": "%s"}
                    """.formatted(ref("file"))), "ref-type", "/extensions/http-request-ext/message_body_data_ref");
        }
    }

    @Nested
    class IcmpExt {
        @Test
        void acceptsEchoRequest() {
            assertClean(traffic("""
                    "icmp-ext": {"icmp_type_hex": "08", "icmp_code_hex": "00"}
                    """));
        }

        @Test
        void rejectsIcmpWithoutCode() {
            assertOnly(traffic("""
                    "icmp-ext": {"icmp_type_hex": "08"}
                    """), Severity.ERROR, "required-missing", "/extensions/icmp-ext/icmp_code_hex");
        }

        @Test
        void rejectsTypeThatIsNotHex() {
            assertError(traffic("""
                    "icmp-ext": {"icmp_type_hex": "8", "icmp_code_hex": "00"}
                    """), "hex-invalid", "/extensions/icmp-ext/icmp_type_hex");
        }
    }

    @Nested
    class SocketExt {
        @Test
        void acceptsListeningStreamSocket() {
            assertClean(traffic("""
                    "socket-ext": {"address_family": "AF_INET", "is_blocking": false, "is_listening": true,
                      "options": {"SO_ACCEPTCONN": 1, "SO_RCVTIMEO": 3000}, "socket_type": "SOCK_STREAM",
                      "socket_descriptor": 3, "socket_handle": -1}
                    """));
        }

        @Test
        void rejectsSocketWithoutAddressFamily() {
            assertOnly(traffic("""
                    "socket-ext": {"socket_type": "SOCK_DGRAM"}
                    """), Severity.ERROR, "required-missing", "/extensions/socket-ext/address_family");
        }

        @Test
        void rejectsAddressFamilyOutsideEnumeration() {
            assertError(traffic("""
                    "socket-ext": {"address_family": "AF_UNIX"}
                    """), "vocabulary-closed", "/extensions/socket-ext/address_family");
        }

        @Test
        void rejectsSocketTypeOutsideEnumeration() {
            assertError(traffic("""
                    "socket-ext": {"address_family": "AF_INET6", "socket_type": "sock_stream"}
                    """), "vocabulary-closed", "/extensions/socket-ext/socket_type");
        }

        @Test
        void rejectsOptionValueThatIsNotAnInteger() {
            assertError(traffic("""
                    "socket-ext": {"address_family": "AF_INET", "options": {"SO_LINGER": "on"}}
                    """), "type-mismatch", "/extensions/socket-ext/options/SO_LINGER");
        }

        @Test
        void rejectsNegativeSocketDescriptor() {
            assertOnly(traffic("""
                    "socket-ext": {"address_family": "AF_INET", "socket_descriptor": -3}
                    """), Severity.ERROR, "out-of-range", "/extensions/socket-ext/socket_descriptor");
        }
    }

    @Nested
    class TcpExt {
        @Test
        void acceptsSourceFlags() {
            assertClean(traffic("""
                    "tcp-ext": {"src_flags_hex": "00000002", "dst_flags_hex": "00000012"}
                    """));
        }

        @Test
        void rejectsEmptyTcpExtension() {
            assertOnly(traffic("""
                    "tcp-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/tcp-ext");
        }
    }

    @Nested
    class WindowsProcessExt {
        @Test
        void acceptsWindowsProcess() {
            assertClean(process("""
                    "windows-process-ext": {"aslr_enabled": true, "dep_enabled": true,
                      "priority": "HIGH_PRIORITY_CLASS", "owner_sid": "S-1-5-21-186985262-1144665072-74031268-1309",
                      "window_title": "Untitled - Notepad", "startup_info": {"lpDesktop": "WinSta0\\\\Default", "dwX": 0},
                      "integrity_level": "high"}
                    """));
        }

        @Test
        void rejectsEmptyWindowsProcessExtension() {
            assertOnly(process("""
                    "windows-process-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/windows-process-ext");
        }

        @Test
        void rejectsIntegrityLevelOutsideEnumeration() {
            assertError(process("""
                    "windows-process-ext": {"integrity_level": "untrusted"}
                    """), "vocabulary-closed", "/extensions/windows-process-ext/integrity_level");
        }
    }

    @Nested
    class WindowsServiceExt {
        @Test
        void acceptsRunningService() {
            assertClean(process("""
                    "windows-service-ext": {"service_name": "sirvizio", "descriptions": ["A service"],
                      "display_name": "Sirvizio", "group_name": "network", "start_type": "SERVICE_AUTO_START",
                      "service_dll_refs": ["%s"], "service_type": "SERVICE_WIN32_OWN_PROCESS",
                      "service_status": "SERVICE_RUNNING"}
                    """.formatted(ref("file"))));
        }

        @Test
        void rejectsEmptyWindowsServiceExtension() {
            assertOnly(process("""
                    "windows-service-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/windows-service-ext");
        }

        @Test
        void rejectsServiceEnumerationsOutsideTheirLists() {
            String json = process("""
                    "windows-service-ext": {"start_type": "SERVICE_MANUAL", "service_type": "SERVICE_DRIVER",
                      "service_status": "running"}
                    """);
            assertError(json, "vocabulary-closed", "/extensions/windows-service-ext/start_type");
            assertError(json, "vocabulary-closed", "/extensions/windows-service-ext/service_type");
            assertError(json, "vocabulary-closed", "/extensions/windows-service-ext/service_status");
        }

        @Test
        void rejectsServiceDllThatIsNotAFile() {
            assertError(process("""
                    "windows-service-ext": {"service_dll_refs": ["%s"]}
                    """.formatted(ref("process"))), "ref-type", "/extensions/windows-service-ext/service_dll_refs/0");
        }
    }

    @Nested
    class UnixAccountExt {
        @Test
        void acceptsUnixAccount() {
            assertClean(account("""
                    "unix-account-ext": {"gid": 1001, "groups": ["wheel"], "home_dir": "/home/jdoe",
                      "shell": "/bin/bash"}
                    """));
        }

        @Test
        void rejectsEmptyUnixAccountExtension() {
            assertOnly(account("""
                    "unix-account-ext": {}
                    """), Severity.ERROR, "at-least-one", "/extensions/unix-account-ext");
        }

        @Test
        void rejectsGroupIdGivenAsString() {
            assertError(account("""
                    "unix-account-ext": {"gid": "1001"}
                    """), "type-mismatch", "/extensions/unix-account-ext/gid");
        }
    }
}
