package org.vigil.store.internal;

import java.util.ArrayList;
import java.util.List;
import org.vigil.stix.Tlp;
import org.vigil.store.Audience;

/**
 * The SQL condition that keeps the rows an audience could see, for any table that keeps a row's TLP code, source,
 * poster and a text that holds its RED recipients: the levels the reader may read outright, and the AMBER+STRICT
 * and RED rows that could be theirs. The access layer decides each row it keeps.
 */
final class AudienceSql {

    private AudienceSql() {
    }

    /**
     * The condition, in parentheses, with its parameters appended to {@code params}.
     *
     * @param alias the table alias whose tlp, created_by_ref and posted_by columns are meant
     * @param recipients the column whose text contains a RED row's recipients
     */
    static String condition(String alias, String recipients, Audience a, List<Object> params) {
        String level = "COALESCE(" + alias + ".tlp, ?)";
        List<String> terms = new ArrayList<>();
        if (!a.open().isEmpty()) {
            terms.add(level + list(a.open().size()));
            params.add(TlpCode.of(a.unmarkedAs()));
            a.open().stream().map(TlpCode::of).sorted().forEach(params::add);
        }
        if (a.sourceIdentity() != null) {
            terms.add("(" + level + " = ? AND " + alias + ".created_by_ref = ?)");
            params.add(TlpCode.of(a.unmarkedAs()));
            params.add(TlpCode.of(Tlp.AMBER_STRICT));
            params.add(a.sourceIdentity());
        }
        if (a.poster() != null) {
            terms.add("(" + level + " = ? AND (" + alias + ".posted_by = ? OR " + recipients + " LIKE ?))");
            params.add(TlpCode.of(a.unmarkedAs()));
            params.add(TlpCode.of(Tlp.RED));
            params.add(a.poster());
            params.add("%" + a.recipient() + "%");
        }
        return terms.isEmpty() ? "(FALSE)" : "(" + String.join(" OR ", terms) + ")";
    }

    static String list(int size) {
        return size == 1 ? " = ?" : " IN (" + "?, ".repeat(size - 1) + "?)";
    }
}
