package org.vigil.screen;

import java.util.Objects;

/**
 * A name to screen (from an accreditation list, a visa application, a report), with what else is known of the
 * person: a date of birth and a nationality sharpen the score, and a disagreement lowers it.
 *
 * @param name the name in any script
 * @param birthDate {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null
 * @param nationality ISO 3166-1 alpha-2 code, or null
 */
public record Subject(String name, String birthDate, String nationality) {

    public Subject {
        Objects.requireNonNull(name, "name");
        if (birthDate != null && !BirthDate.valid(birthDate)) {
            throw new IllegalArgumentException("birth_date '" + birthDate + "' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY");
        }
        if (nationality != null && !nationality.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("nationality '" + nationality + "' is not a country code: write two letters, e.g. RU");
        }
    }

    /** A name alone. */
    public static Subject named(String name) {
        return new Subject(name, null, null);
    }
}
