package org.vigil.extract.internal;

import java.util.HashSet;
import java.util.Set;

/** The relationship types STIX 2.1 defines per pair of object types (relationships.tsv); anything else is related-to. */
public final class RelationTypes {

    private static final Set<String> DEFINED = load();

    private RelationTypes() {
    }

    /** {@code wanted} when STIX defines it from {@code sourceType} to {@code targetType}, else related-to. */
    public static String of(String sourceType, String wanted, String targetType) {
        return DEFINED.contains(sourceType + "|" + wanted + "|" + targetType) ? wanted : "related-to";
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        for (String line : Lexicon.lines("relationships.tsv")) {
            out.add(String.join("|", line.split("\t")));
        }
        return Set.copyOf(out);
    }
}
