package org.vigil.screen;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Dates of birth as sources give them: a full date, a month, or only a year. */
final class BirthDate {

    private BirthDate() {
    }

    static boolean valid(String s) {
        if (!s.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            return false;
        }
        try {
            if (s.length() == 10) {
                LocalDate.parse(s);
            } else if (s.length() == 7) {
                LocalDate.parse(s + "-01");
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
