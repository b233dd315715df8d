package org.vigil.screen.internal;

/** Jaro–Winkler similarity: 1 for equal strings, near 1 for a typo or a transposition, with a bonus for a common start. */
public final class JaroWinkler {

    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] ma = new boolean[la];
        boolean[] mb = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int hi = Math.min(lb - 1, i + window);
            for (int j = Math.max(0, i - window); j <= hi; j++) {
                if (!mb[j] && a.charAt(i) == b.charAt(j)) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, k = 0; i < la; i++) {
            if (ma[i]) {
                while (!mb[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
