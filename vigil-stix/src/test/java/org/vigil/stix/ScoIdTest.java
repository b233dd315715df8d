package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.stix.StixAssertions.assertClean;
import static org.vigil.stix.StixAssertions.assertOnly;
import static org.vigil.stix.StixAssertions.validate;

import org.junit.jupiter.api.Test;

/**
 * Deterministic SCO ids (STIX 2.1 section 2.9 / 3.4): a UUIDv5 in the namespace
 * 00abedb4-aa42-466c-9c01-fed23315a9b7 of the RFC 8785 canonical JSON of the id-contributing properties that are
 * present (with only one hash, the first of MD5, SHA-1, SHA-256, SHA-512). The expected ids below are the ones
 * printed in the specification's examples (STIX 2.1 Errata 01, whose example ids were regenerated with
 * python-stix2), recomputed here from the canonical form written out by hand.
 */
class ScoIdTest {

    private static String v5(String type, String canonicalJson) {
        return Identifier.deterministic(type, Identifier.SCO_NAMESPACE, canonicalJson);
    }

    @Test
    void computesSpecificationExampleIds() {
        assertEquals("ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4",
                v5("ipv4-addr", "{\"value\":\"198.51.100.3\"}"));
        assertEquals("domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7",
                v5("domain-name", "{\"value\":\"example.com\"}"));
        assertEquals("autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff",
                v5("autonomous-system", "{\"number\":15139}"));
        assertEquals("directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622",
                v5("directory", "{\"path\":\"C:\\\\Windows\\\\System32\"}"));
        assertEquals("file--949eb97a-da1e-5292-8959-03c4249dc9f3",
                v5("file", "{\"hashes\":{\"SHA-256\":"
                        + "\"fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db\"},\"name\":\"foo.dll\"}"));
        assertEquals("user-account--f94d689e-707d-58c3-b803-c720bb6ed096",
                v5("user-account", "{\"account_login\":\"jdoe\",\"account_type\":\"unix\",\"user_id\":\"1001\"}"));
        assertEquals("software--710b0b41-d4d0-5d6c-a400-fc9254554ffc",
                v5("software", "{\"cpe\":\"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*\",\"name\":\"Word\","
                        + "\"vendor\":\"Microsoft\",\"version\":\"2002\"}"));
    }

    @Test
    void acceptsSpecificationExamplesWithTheirDeterministicIds() {
        assertClean("""
                {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4",
                 "value": "198.51.100.3"}
                """);
        assertClean("""
                {"type": "file", "spec_version": "2.1", "id": "file--949eb97a-da1e-5292-8959-03c4249dc9f3",
                 "hashes": {"SHA-256": "fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db"},
                 "size": 25536, "name": "foo.dll"}
                """);
        // The file's non-ASCII name is hashed as UTF-8, unescaped.
        assertClean("""
                {"type": "file", "spec_version": "2.1", "id": "file--7d1e3a18-89e7-5bc5-be36-9879f5b7f5c8",
                 "hashes": {"SHA-256": "841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649"},
                 "name": "quêry.dll", "name_enc": "windows-1252"}
                """);
        // extensions contribute to a file's id.
        assertClean("""
                {"type": "file", "spec_version": "2.1", "id": "file--965aa96f-d90a-506a-8317-d38d44b235f9",
                 "name": "example.pdf",
                 "extensions": {"pdf-ext": {"version": "1.7",
                   "document_info_dict": {"Title": "Sample document", "Author": "Adobe Systems Incorporated",
                     "Creator": "Adobe FrameMaker 5.5.3 for Power Macintosh",
                     "Producer": "Acrobat Distiller 3.01 for Power Macintosh", "CreationDate": "20070412090123-02"},
                   "pdfid0": "DFCE52BD827ECF765649852119D", "pdfid1": "57A1E0F9ED2AE523E313C"}}}
                """);
        // Every item of values contributes, in order.
        assertClean("""
                {"type": "windows-registry-key", "spec_version": "2.1",
                 "id": "windows-registry-key--f6a11ddf-fa2b-54c8-97ab-e7f28413095a",
                 "key": "hkey_local_machine\\\\system\\\\bar\\\\foo",
                 "values": [{"name": "Foo", "data": "qwerty", "data_type": "REG_SZ"},
                            {"name": "Bar", "data": "42", "data_type": "REG_DWORD"}]}
                """);
        assertClean("""
                {"type": "user-account", "spec_version": "2.1", "id": "user-account--f94d689e-707d-58c3-b803-c720bb6ed096",
                 "user_id": "1001", "account_login": "jdoe", "account_type": "unix", "display_name": "John Doe",
                 "is_service_account": false, "is_privileged": false, "can_escalate_privs": true,
                 "extensions": {"unix-account-ext": {"gid": 1001, "groups": ["wheel"], "home_dir": "/home/jdoe",
                   "shell": "/bin/bash"}}}
                """);
        assertClean("""
                {"type": "x509-certificate", "spec_version": "2.1",
                 "id": "x509-certificate--bf86f034-2390-54d7-8426-d08433db3fbe",
                 "issuer": "C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc, OU=Certification Services Division, CN=Thawte Server CA/emailAddress=server-certs@thawte.com",
                 "validity_not_before": "2016-03-12T12:00:00Z", "validity_not_after": "2016-08-21T12:00:00Z",
                 "subject": "C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft, CN=www.freesoft.org/emailAddress=baccala@freesoft.org",
                 "serial_number": "36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06"}
                """);
        assertClean("""
                {"type": "mac-addr", "spec_version": "2.1", "id": "mac-addr--757b1725-9903-54f5-a855-1240691d7659",
                 "value": "d2:fb:49:24:37:18"}
                """);
        assertClean("""
                {"type": "mutex", "spec_version": "2.1", "id": "mutex--f93fe911-e545-5239-b9b0-597840d0c871",
                 "name": "__CLEANSWEEP__"}
                """);
        assertClean("""
                {"type": "url", "spec_version": "2.1", "id": "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55",
                 "value": "https://example.com/research/index.html"}
                """);
        assertClean("""
                {"type": "email-addr", "spec_version": "2.1", "id": "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934",
                 "value": "john@example.com", "display_name": "John Doe"}
                """);
        assertClean("""
                {"type": "ipv6-addr", "spec_version": "2.1", "id": "ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f",
                 "value": "2001:0db8:85a3:0000:0000:8a2e:0370:7334"}
                """);
    }

    @Test
    void usesOnlyTheMostPreferredHash() {
        // MD5 is preferred over SHA-256, so the SHA-256 value does not change the id.
        String expected = v5("file", "{\"hashes\":{\"MD5\":\"cead3f77f6cda6ec00f57d76c9a6879f\"},\"name\":\"foo.exe\"}");
        assertEquals("file--1910ca30-1dd9-57f3-9d48-0c64b19f0d5c", expected);
        assertClean("""
                {"type": "file", "spec_version": "2.1", "id": "%s", "name": "foo.exe",
                 "hashes": {"SHA-256": "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f",
                            "MD5": "cead3f77f6cda6ec00f57d76c9a6879f"}}
                """.formatted(expected));
    }

    @Test
    void hashesFloatsInExtensionsInCanonicalForm() {
        // The specification's "Typical EXE File": its extensions, section entropies included, make up the id.
        assertClean("""
                {"type": "file", "spec_version": "2.1", "id": "file--9af228db-9a04-5787-ad43-ccadc137a0e2",
                 "name": "example.exe",
                 "extensions": {"windows-pebinary-ext": {
                   "pe_type": "exe", "machine_hex": "014c", "number_of_sections": 4,
                   "time_date_stamp": "2016-01-22T12:31:12Z", "pointer_to_symbol_table_hex": "74726144",
                   "number_of_symbols": 4542568, "size_of_optional_header": 224, "characteristics_hex": "818f",
                   "optional_header": {"magic_hex": "010b", "major_linker_version": 2, "minor_linker_version": 25,
                     "size_of_code": 512, "size_of_initialized_data": 283648, "size_of_uninitialized_data": 0,
                     "address_of_entry_point": 4096, "base_of_code": 4096, "base_of_data": 8192,
                     "image_base": 14548992, "section_alignment": 4096, "file_alignment": 4096,
                     "major_os_version": 1, "minor_os_version": 0, "major_image_version": 0,
                     "minor_image_version": 0, "major_subsystem_version": 4, "minor_subsystem_version": 0,
                     "win32_version_value_hex": "00", "size_of_image": 299008, "size_of_headers": 4096,
                     "checksum_hex": "00", "subsystem_hex": "03", "dll_characteristics_hex": "00",
                     "size_of_stack_reserve": 100000, "size_of_stack_commit": 8192, "size_of_heap_reserve": 100000,
                     "size_of_heap_commit": 4096, "loader_flags_hex": "abdbffde",
                     "number_of_rva_and_sizes": 3758087646},
                   "sections": [{"name": "CODE", "entropy": 0.061089}, {"name": "DATA", "entropy": 7.980693},
                                {"name": "NicolasB", "entropy": 0.607433}, {"name": ".idata", "entropy": 0.607433}]}}}
                """);
        // RFC 8785 writes 0.0005 as 0.0005 (ECMAScript number form), not 5.0E-4.
        String canonical = "{\"extensions\":{\"windows-pebinary-ext\":{\"pe_type\":\"exe\","
                + "\"sections\":[{\"entropy\":0.0005,\"name\":\"UPX0\"}]}},\"name\":\"packed.exe\"}";
        assertEquals("file--ae2f7263-585e-5f0e-907b-7f8bb5b47577", v5("file", canonical));
        assertClean("""
                {"type": "file", "spec_version": "2.1", "id": "file--ae2f7263-585e-5f0e-907b-7f8bb5b47577",
                 "name": "packed.exe",
                 "extensions": {"windows-pebinary-ext": {"pe_type": "exe", "sections": [{"name": "UPX0", "entropy": 0.0005}]}}}
                """);
    }

    @Test
    void warnsOnMismatchingVersion5Id() {
        // The id of 198.51.100.3 on an object whose value is 203.0.113.9.
        String json = """
                {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4",
                 "value": "203.0.113.9"}
                """;
        assertOnly(json, Severity.WARNING, "sco-id-mismatch", "/id");
        Finding warning = validate(json).get(0);
        assertTrue(warning.message().contains("ipv4-addr--39090fdc-366e-571f-ab5b-d05e2918f88f"), warning::message);
    }

    @Test
    void warnsWhenAnIdContributingPropertyChanges() {
        // The spec's software example with its version changed from 2002 to 2003.
        assertOnly("""
                {"type": "software", "spec_version": "2.1", "id": "software--710b0b41-d4d0-5d6c-a400-fc9254554ffc",
                 "name": "Word", "cpe": "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*", "version": "2003",
                 "vendor": "Microsoft"}
                """, Severity.WARNING, "sco-id-mismatch", "/id");
    }

    @Test
    void ignoresPropertiesThatDoNotContributeToTheId() {
        assertClean("""
                {"type": "autonomous-system", "spec_version": "2.1",
                 "id": "autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff",
                 "number": 15139, "name": "Renamed", "rir": "RIPE"}
                """);
    }

    @Test
    void acceptsVersion4Ids() {
        assertClean("""
                {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--fa5b7ddb-227a-433e-9e1c-671bf97a07a9",
                 "value": "198.51.100.3"}
                """);
    }

    @Test
    void neverChecksProcessIds() {
        // process has no id-contributing properties; the specification says to use a UUIDv4.
        assertClean("""
                {"type": "process", "spec_version": "2.1", "id": "process--28bb3599-77cd-5a82-a950-b5bc3caf07c4",
                 "pid": 1221}
                """);
    }
}
