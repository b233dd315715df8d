package org.vigil.taxii.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.vigil.stix.Timestamp;
import org.vigil.store.ObjectQuery;
import org.vigil.store.VersionMatch;

/**
 * The URL parameters of a TAXII request, checked: only the parameters the endpoint defines, well-formed
 * timestamps and versions, and a limit the server lowers to its page size.
 */
public final class Filters {

    public static final Set<String> OBJECTS = Set.of("added_after", "limit", "next", "match[id]", "match[type]",
            "match[version]", "match[spec_version]");
    public static final Set<String> OBJECT = Set.of("added_after", "limit", "next", "match[version]",
            "match[spec_version]");
    public static final Set<String> VERSIONS = Set.of("added_after", "limit", "next", "match[spec_version]");
    public static final Set<String> DELETE = Set.of("match[version]", "match[spec_version]");
    public static final Set<String> NONE = Set.of();

    private final Map<String, String> params;

    private Filters(Map<String, String> params) {
        this.params = params;
    }

    /** Reads the query parameters, refusing any the endpoint does not define and any given twice. */
    public static Filters of(Map<String, List<String>> query, Set<String> allowed) {
        Map<String, String> params = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw TaxiiException.badRequest("unknown parameter '" + e.getKey() + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : "; this endpoint takes "
                        + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
            if (e.getValue().size() != 1) {
                throw TaxiiException.badRequest("parameter '" + e.getKey() + "' is given " + e.getValue().size()
                        + " times; give it once, with comma-separated values");
            }
            params.put(e.getKey(), e.getValue().get(0));
        }
        return new Filters(params);
    }

    /** The query these filters describe on one collection, with the page size capped at {@code maxPage}. */
    public ObjectQuery query(UUID collection, int maxPage) {
        ObjectQuery.Builder b = ObjectQuery.in(collection).limit(limit(maxPage));
        b.ids(list("match[id]")).types(list("match[type]")).specVersions(list("match[spec_version]"));
        String version = params.get("match[version]");
        if (version != null) {
            try {
                b.versions(VersionMatch.parse(version));
            } catch (IllegalArgumentException e) {
                throw TaxiiException.badRequest(e.getMessage() + "; use last, first, all or version timestamps");
            }
        }
        String addedAfter = params.get("added_after");
        if (addedAfter != null) {
            String problem = Timestamp.problem(addedAfter);
            if (problem != null) {
                throw TaxiiException.badRequest("added_after: " + problem);
            }
            b.addedAfter(addedAfter);
        }
        return b.build();
    }

    /** The next token, if the client sent one. */
    public String next() {
        return params.get("next");
    }

    /**
     * What binds a next token to its query: every filter but the token itself and the limit, which a client may
     * change between pages.
     */
    public String binding() {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (!k.equals("next") && !k.equals("limit")) {
                b.append(k).append('=').append(v).append('&');
            }
        });
        return b.toString();
    }

    private int limit(int maxPage) {
        String limit = params.get("limit");
        if (limit == null) {
            return maxPage;
        }
        try {
            long n = Long.parseLong(limit.trim());
            if (n < 1) {
                throw TaxiiException.badRequest("limit must be a positive whole number, got '" + limit + "'");
            }
            return (int) Math.min(n, maxPage);
        } catch (NumberFormatException e) {
            if (limit.trim().matches("\\d+")) {
                return maxPage;
            }
            throw TaxiiException.badRequest("limit must be a positive whole number, got '" + limit + "'");
        }
    }

    private List<String> list(String name) {
        String v = params.get(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty()) {
            throw TaxiiException.badRequest(name + " is empty; give one or more comma-separated values or leave it out");
        }
        return out;
    }
}
