package org.vigil.stix;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The string formats that STIX 2.1 requires of some properties (a language tag, a MAC address...), named in
 * the type tables as {@code format:NAME}. Each is checked without any network access.
 */
final class Formats {

    /** A format: what a value must be, in words for messages, and the test. */
    record Format(String description, Predicate<String> test) {
    }

    /**
     * RFC 5646 section 2.1: langtag, private use, or one of the grandfathered tags. The primary language subtag
     * is held to 2 or 3 letters: the 4 and 5-8 letter forms are well-formed but reserved, no language has one,
     * and they are what a name such as "english" would otherwise pass as.
     */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("(?i)"
            + "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3})"                       // language, with extended subtags
            + "(?:-[a-z]{4})?"                                          // script
            + "(?:-(?:[a-z]{2}|[0-9]{3}))?"                            // region
            + "(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"               // variants
            + "(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"                    // extensions
            + "(?:-x(?:-[a-z0-9]{1,8})+)?"                              // private use
            + "|x(?:-[a-z0-9]{1,8})+"
            + "|en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao"
            + "|i-tay|i-tsu|sgn-be-fr|sgn-be-nl|sgn-ch-de|art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka"
            + "|zh-min|zh-min-nan|zh-xiang");
    /** RFC 5322's addr-spec, loosely: one local part and one domain, no display name, brackets or spaces. */
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s@<>()\\[\\],;:\\\\\"]+@[^\\s@<>()\\[\\],;:\\\\\"]+");
    /** STIX 2.1 section 6.8: colon-delimited, lowercase MAC-48 with leading zeros. */
    private static final Pattern MAC_48 = Pattern.compile("[0-9a-f]{2}(?::[0-9a-f]{2}){5}");
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}(?:/(?:3[0-2]|[12]?[0-9]))?");
    /** RFC 1034's labels (letters, digits, hyphens; RFC 5890 allows letters of any script), 63 each, 253 in all. */
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]{0,61}[\\p{L}\\p{N}_])?");
    /** STIX 2.1 section 6.17: the hive is written in full (HKEY_LOCAL_MACHINE, never HKLM). */
    private static final Pattern REGISTRY_KEY = Pattern.compile("(?i)HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS"
            + "|CURRENT_CONFIG|PERFORMANCE_DATA|DYN_DATA|CURRENT_USER_LOCAL_SETTINGS)(?:\\\\.*)?", Pattern.DOTALL);

    /** CPE 2.3 formatted string binding (NISTIR 7695 section 6.2): cpe:2.3:part then ten more components. */
    private static final Pattern CPE_23 = Pattern.compile("cpe:2\\.3:[aho*\\-](?::(?:[^:\\\\]|\\\\.)*){10}");

    private static final Map<String, Format> FORMATS = Map.of(
            "cpe-2.3", new Format("a CPE 2.3 name such as cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*",
                    s -> CPE_23.matcher(s).matches()),
            "language-tag", new Format("an RFC 5646 language tag such as en, de-CH or zh-Hant",
                    s -> LANGUAGE_TAG.matcher(s).matches()),
            "email-address", new Format("a single e-mail address such as jdoe@example.com, without a display name",
                    s -> EMAIL_ADDRESS.matcher(s).matches()),
            "mac-48", new Format("a lowercase, colon-delimited MAC-48 address with leading zeros, such as "
                    + "00:0a:95:9d:68:16", s -> MAC_48.matcher(s).matches()),
            "ipv4", new Format("a single IPv4 address or CIDR block such as 198.51.100.3 or 198.51.100.0/24",
                    s -> IPV4.matcher(s).matches()),
            "ipv6", new Format("a single IPv6 address or CIDR block such as 2001:db8::1 or 2001:db8::/32",
                    Formats::isIpv6),
            "domain-name", new Format("a domain name of dot-separated labels (letters, digits, hyphens), such as "
                    + "example.com", Formats::isDomainName),
            "registry-key", new Format("a registry key starting with its hive in full, such as "
                    + "HKEY_LOCAL_MACHINE\\System (never an abbreviation such as HKLM)",
                    s -> REGISTRY_KEY.matcher(s).matches()));

    private Formats() {
    }

    static boolean isKnown(String name) {
        return FORMATS.containsKey(name);
    }

    static Format of(String name) {
        Format f = FORMATS.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown format '" + name + "'; known formats: " + FORMATS.keySet());
        }
        return f;
    }

    static boolean isDomainName(String s) {
        String name = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 section 2.2 text forms, with an optional /prefix of 0 to 128. */
    static boolean isIpv6(String s) {
        String address = s;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            String prefix = s.substring(slash + 1);
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > 128) {
                return false;
            }
            address = s.substring(0, slash);
        }
        int groups = 8;
        int lastColon = address.lastIndexOf(':');
        if (lastColon >= 0 && address.indexOf('.', lastColon) > 0) {
            if (!IPV4.matcher(address.substring(lastColon + 1)).matches() || address.contains("/")) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] parts = gap >= 0
                ? (address.substring(0, gap) + ":x:" + address.substring(gap + 2)).split(":", -1)
                : address.split(":", -1);
        int count = 0;
        for (String part : parts) {
            if (part.equals("x")) {
                continue;
            }
            if (part.isEmpty() && gap >= 0 && (address.startsWith("::") || address.endsWith("::"))) {
                continue;
            }
            if (!part.matches("[0-9A-Fa-f]{1,4}")) {
                return false;
            }
            count++;
        }
        return gap >= 0 ? count < groups : count == groups;
    }
}
