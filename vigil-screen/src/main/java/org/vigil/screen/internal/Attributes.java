package org.vigil.screen.internal;

import java.util.List;
import java.util.Locale;

/**
 * What a date of birth and a nationality add to a name match. Agreement is no proof (many share a birth year),
 * so it adds nothing; disagreement is evidence of two people, so it costs, more for a year than for a day.
 */
public final class Attributes {

    /** A birth year more than one year off: most likely another person. */
    static final double YEAR_DISAGREES = 0.20;
    /** Same or next year, another day: a clerical slip is as likely as another person. */
    static final double DAY_DISAGREES = 0.05;
    static final double NATIONALITY_DISAGREES = 0.10;

    private Attributes() {
    }

    /** The score change, and what it is for, added to {@code reasons}. */
    public static double adjust(String queryBirth, String queryNationality, String listedBirth,
                                String listedNationality, List<String> reasons) {
        double delta = 0;
        if (queryBirth != null && listedBirth != null) {
            int years = Math.abs(year(queryBirth) - year(listedBirth));
            int common = Math.min(queryBirth.length(), listedBirth.length());
            if (years > 1) {
                delta -= YEAR_DISAGREES;
                reasons.add(String.format(Locale.ROOT, "born %s, listed %s (-%.2f)", queryBirth, listedBirth, YEAR_DISAGREES));
            } else if (!queryBirth.substring(0, common).equals(listedBirth.substring(0, common))) {
                delta -= DAY_DISAGREES;
                reasons.add(String.format(Locale.ROOT, "born %s, listed %s (-%.2f)", queryBirth, listedBirth, DAY_DISAGREES));
            } else {
                reasons.add("born " + queryBirth + ", as listed");
            }
        }
        if (queryNationality != null && listedNationality != null) {
            String q = queryNationality.toUpperCase(Locale.ROOT);
            List<String> listed = List.of(listedNationality.toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
            if (listed.contains(q)) {
                reasons.add("nationality " + q + ", as listed");
            } else {
                delta -= NATIONALITY_DISAGREES;
                reasons.add(String.format(Locale.ROOT, "nationality %s, listed %s (-%.2f)", q, listedNationality,
                        NATIONALITY_DISAGREES));
            }
        }
        return delta;
    }

    private static int year(String date) {
        return Integer.parseInt(date.substring(0, 4));
    }
}
