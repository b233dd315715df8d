package org.vigil.stix.pattern;

/**
 * Recognises IPv4 and IPv6 addresses in CIDR notation, the operands of ISSUBSET and ISSUPERSET.
 */
final class Cidrs {

    private static final int IPV6_GROUPS = 8;

    private Cidrs() {
    }

    /** Whether the text is an IPv4 or IPv6 address, optionally followed by /prefix-length. */
    static boolean isCidr(String text) {
        // Parsed by hand: InetAddress would resolve anything that looks like a host name over the network.
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String prefix = slash < 0 ? null : text.substring(slash + 1);
        if (isIpv4(address)) {
            return prefix == null || isPrefix(prefix, 32);
        }
        return isIpv6(address) && (prefix == null || isPrefix(prefix, 128));
    }

    private static boolean isPrefix(String text, int max) {
        return isDecimal(text, 3) && Integer.parseInt(text) <= max;
    }

    static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!isDecimal(octet, 3) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        int compression = text.indexOf("::");
        if (compression != text.lastIndexOf("::")) {
            return false;
        }
        if (compression < 0) {
            return groupCount(text) == IPV6_GROUPS;
        }
        String before = text.substring(0, compression);
        if (before.contains(".")) {
            return false;
        }
        int head = before.isEmpty() ? 0 : groupCount(before);
        int tail = text.substring(compression + 2).isEmpty() ? 0 : groupCount(text.substring(compression + 2));
        return head >= 0 && tail >= 0 && head + tail < IPV6_GROUPS;
    }

    /** How many 16-bit groups a colon-separated run holds, or -1 when it is malformed. */
    private static int groupCount(String run) {
        String[] groups = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            boolean last = i == groups.length - 1;
            if (last && groups[i].contains(".")) {
                // An embedded IPv4 address, as in ::ffff:192.0.2.1, fills the last two groups.
                if (!isIpv4(groups[i])) {
                    return -1;
                }
                count += 2;
            } else if (isHexGroup(groups[i])) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    private static boolean isHexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return false;
        }
        return group.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    private static boolean isDecimal(String text, int maxDigits) {
        return !text.isEmpty() && text.length() <= maxDigits && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
