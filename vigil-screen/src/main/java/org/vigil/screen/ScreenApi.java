package org.vigil.screen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.access.ReadPath;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiModule;
import org.vigil.taxii.api.ApiV1;

/**
 * {@code POST /api/v1/screen}: names in, the caller's persons of interest they may be out. Body
 * {@code {"names": ["Доку Умаров", {"name": "…", "birth_date": "1964-04-13", "nationality": "RU"}], "threshold": 0.9}};
 * answer {@code {"threshold": …, "results": [{"query": …, "matches": [{"id", "name", "score", "matched", "why"}]}]}},
 * results in input order, matches best first, at most {@value Screening#MAX_MATCHES} a name.
 */
public final class ScreenApi implements ApiModule {

    /** The most names one request may screen. */
    public static final int MAX_NAMES = 10_000;

    private final ReadPath reads;

    public ScreenApi(ReadPath reads) {
        this.reads = reads;
    }

    @Override
    public void install(ApiV1 api) {
        api.post("/screen", this::screen);
        api.describe(ScreenApi.class.getResourceAsStream("openapi.json"));
    }

    private Object screen(ApiCall call) {
        JsonNode body = call.body();
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object with a names list, e.g. "
                    + "{\"names\": [\"Doku Umarov\"]}");
        }
        List<Subject> subjects = subjects(body.path("names"));
        double threshold = threshold(body.get("threshold"));
        Watchlist watchlist = Watchlist.of(reads, call.principal(), call.request());
        List<Map<String, Object>> results = new ArrayList<>();
        for (Watchlist.Screened s : watchlist.screen(subjects, threshold, call.request())) {
            List<Map<String, Object>> matches = new ArrayList<>();
            for (Match m : s.matches()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", m.person().id());
                one.put("name", m.person().name());
                one.put("score", Math.round(m.score() * 1000) / 1000.0);
                one.put("matched", m.matched());
                one.put("why", m.why());
                matches.add(one);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("query", s.subject().name());
            result.put("matches", matches);
            results.add(result);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threshold", threshold);
        out.put("results", results);
        return out;
    }

    private static List<Subject> subjects(JsonNode names) {
        if (!names.isArray() || names.isEmpty()) {
            throw ApiException.badRequest("the body must hold a non-empty names list, e.g. {\"names\": [\"Doku Umarov\"]}");
        }
        if (names.size() > MAX_NAMES) {
            throw ApiException.unprocessable("at most " + MAX_NAMES + " names may be screened in one request; this one "
                    + "has " + names.size() + ": split it");
        }
        List<Subject> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(subject(names.get(i), i));
        }
        return out;
    }

    private static Subject subject(JsonNode n, int i) {
        String where = "names[" + i + "]";
        if (n.isTextual()) {
            return named(n.textValue(), null, null, where);
        }
        if (!n.isObject()) {
            throw ApiException.badRequest(where + " must be a name or an object with a name, e.g. {\"name\": "
                    + "\"Doku Umarov\", \"birth_date\": \"1964-04-13\", \"nationality\": \"RU\"}");
        }
        return named(text(n, "name", where), text(n, "birth_date", where), text(n, "nationality", where), where);
    }

    private static Subject named(String name, String birthDate, String nationality, String where) {
        if (name == null || name.isBlank()) {
            throw ApiException.unprocessable(where + " has no name; every entry needs one");
        }
        try {
            return new Subject(name, birthDate, nationality);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(where + "." + field + " must be a string");
        }
        return v.textValue();
    }

    private static double threshold(JsonNode t) {
        if (t == null || t.isNull()) {
            return Screening.THRESHOLD;
        }
        if (!t.isNumber()) {
            throw ApiException.badRequest("threshold must be a number, e.g. 0.9");
        }
        double v = t.doubleValue();
        if (v < Watchlist.LOWEST_THRESHOLD || v > 1.0) {
            throw ApiException.unprocessable("threshold " + v + " is out of range: give a number from "
                    + Watchlist.LOWEST_THRESHOLD + " to 1 (Vigil's own is " + Screening.THRESHOLD + ")");
        }
        return v;
    }
}
