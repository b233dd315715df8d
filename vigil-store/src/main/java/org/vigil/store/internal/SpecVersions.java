package org.vigil.store.internal;

import java.util.Comparator;

/** Orders STIX spec versions numerically part by part, so that 2.10 would follow 2.9. */
final class SpecVersions {

    static final Comparator<String> ORDER = SpecVersions::compare;

    private SpecVersions() {
    }

    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int diff = part(left, i).compareTo(part(right, i));
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    /** A part padded so that numbers compare by value and anything else by text. */
    private static String part(String[] parts, int i) {
        String p = i < parts.length ? parts[i] : "";
        return p.chars().allMatch(Character::isDigit) ? "0".repeat(Math.max(0, 10 - p.length())) + p : p;
    }
}
