package org.vigil.stix.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.stix.pattern.PatternAssertions.assertValid;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example patterns of the STIX 2.1 specification (section 9, Patterning) must all be accepted.
 */
final class PatternSpecExamplesTest {

    // Written as pattern text, not as JSON: a backslash inside a pattern string is the two
    // characters \\, and the Java literals double each of them once more.
    static Stream<String> specExamples() {
        return Stream.of(
                "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND "
                        + "email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
                "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR "
                        + "ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']",
                "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
                "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
                "[x509-certificate:issuer = 'CN=WEBMAIL' AND "
                        + "x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
                "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR "
                        + "windows-registry-key:key = "
                        + "'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
                "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
                "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
                "[x-usb-device:usbdrive.serial_number = '575833314133343231313937']",
                "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY "
                        + "[process:command_line MATCHES "
                        + "'^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
                "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
                "([file:name = 'foo.dll'] AND [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar']) OR "
                        + "[process:name = 'fooproc' OR process:name = 'procfoo']",
                "[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY "
                        + "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar'] WITHIN 300 SECONDS",
                "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND "
                        + "user-account:account_login = 'Peter'] AND "
                        + "[user-account:account_type = 'unix' AND user-account:user_id = '1008' AND "
                        + "user-account:account_login = 'Paul'] AND "
                        + "[user-account:account_type = 'unix' AND user-account:user_id = '1009' AND "
                        + "user-account:account_login = 'Mary']",
                "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND "
                        + "artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
                "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
                "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
                "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
                "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
                "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] "
                        + "REPEATS 5 TIMES WITHIN 180 SECONDS",
                "[file:name = 'foo'] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z'",
                "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
                "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR "
                        + "file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND "
                        + "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']");
    }

    @ParameterizedTest
    @MethodSource("specExamples")
    void acceptsSpecExample(String pattern) {
        assertValid(pattern);
    }

    @Test
    void reportsObjectTypesOfAnIndicatorSequence() {
        PatternCheck check = assertValid("[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY "
                + "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar'] WITHIN 300 SECONDS");
        assertEquals(Set.of("file", "windows-registry-key"), check.objectTypes());
    }

    @Test
    void reportsCustomObjectTypes() {
        assertEquals(Set.of("x-usb-device"),
                assertValid("[x-usb-device:usbdrive.serial_number = '575833314133343231313937']").objectTypes());
    }
}
