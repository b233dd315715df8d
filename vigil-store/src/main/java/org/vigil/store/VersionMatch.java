package org.vigil.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.stix.Timestamp;

/**
 * Which versions of each object a query returns: TAXII's {@code match[version]}, a combination of
 * {@code last}, {@code first}, {@code all} and exact version timestamps (compared as instants, so
 * {@code .000Z} and {@code Z} match alike).
 *
 * @param last the newest version of each object
 * @param first the oldest version of each object
 * @param all every version; the other choices are then moot
 * @param timestamps exact versions, as STIX timestamps
 */
public record VersionMatch(boolean last, boolean first, boolean all, List<String> timestamps) {

    public VersionMatch {
        timestamps = List.copyOf(timestamps);
        for (String t : timestamps) {
            String problem = Timestamp.problem(t);
            if (problem != null) {
                throw new IllegalArgumentException("match[version]: " + problem);
            }
        }
        if (!last && !first && !all && timestamps.isEmpty()) {
            throw new IllegalArgumentException("match[version] must select something: last, first, all or a timestamp");
        }
    }

    /** The TAXII default: the newest version of each object. */
    public static final VersionMatch LAST = new VersionMatch(true, false, false, List.of());

    /** The oldest version of each object. */
    public static final VersionMatch FIRST = new VersionMatch(false, true, false, List.of());

    /** Every version of each object. */
    public static final VersionMatch ALL = new VersionMatch(false, false, true, List.of());

    /** Exactly these versions. */
    public static VersionMatch exactly(List<String> versions) {
        return new VersionMatch(false, false, false, versions);
    }

    /** Reads a {@code match[version]} value such as {@code first,last} or {@code 2016-01-01T00:00:00.000Z}. */
    public static VersionMatch parse(String value) {
        boolean last = false;
        boolean first = false;
        boolean all = false;
        Set<String> stamps = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String token = part.strip();
            switch (token) {
                case "last" -> last = true;
                case "first" -> first = true;
                case "all" -> all = true;
                default -> stamps.add(token);
            }
        }
        return new VersionMatch(last, first, all, new ArrayList<>(stamps));
    }
}
