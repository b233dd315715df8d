package org.vigil.taxii.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Principal;
import org.vigil.taxii.internal.PageToken;
import org.vigil.taxii.internal.TaxiiRoutes;

/**
 * One request to Vigil's API, as a module sees it: who asks, and its parameters read with clear errors, so that
 * every operation refuses bad input the same way.
 */
public final class ApiCall {

    private final Context ctx;
    private final PageToken tokens;

    ApiCall(Context ctx, PageToken tokens) {
        this.ctx = ctx;
        this.tokens = tokens;
    }

    /** The caller: a user, or anonymous when no credentials came. Bad credentials never reach a handler. */
    public Principal principal() {
        return ctx.attribute(TaxiiRoutes.PRINCIPAL);
    }

    /** Method and path, as the audit log names a request ("GET /api/v1/upticks"). */
    public String request() {
        String query = ctx.queryString();
        return ctx.method() + " " + ctx.path() + (query == null ? "" : "?" + query);
    }

    /** The URL the caller reached the hub at, without a trailing slash, for absolute links in documents. */
    public String baseUrl() {
        return ctx.scheme() + "://" + ctx.host();
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    public Optional<String> query(String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** Every value of a repeated query parameter, comma-separated lists split. */
    public List<String> queryAll(String name) {
        return ctx.queryParams(name).stream().flatMap(v -> List.of(v.split(",")).stream())
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    /** A day parameter in the API's form, YYYY-MM-DD (UTC). */
    public Optional<LocalDate> day(String name) {
        return query(name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("the " + name + " parameter '" + v + "' is not a day; write it as "
                        + "YYYY-MM-DD, e.g. 2014-02-07");
            }
        });
    }

    /** An integer parameter within bounds; absent gives the default. */
    public int integer(String name, int dflt, int min, int max) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw ApiException.badRequest("the " + name + " parameter must lie between " + min + " and " + max
                        + "; it is " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("the " + name + " parameter '" + v.get() + "' is not a whole number");
        }
    }

    /** The request body as JSON; a body that is missing or not JSON is a 400 that says so. */
    public JsonNode body() {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("this operation takes a JSON body; none was sent");
        }
        try {
            return ApiJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    /**
     * A signed, opaque {@code next} token for a list that continues at {@code position}. It is bound to the
     * operation and the caller, so it cannot be edited or used by anyone else.
     */
    public String nextToken(String position) {
        return tokens.issue(position, binding());
    }

    /** Where a list continues, from the {@code next} parameter; empty for a first page. */
    public Optional<String> position() {
        return query("next").map(t -> tokens.open(t, binding()));
    }

    private String binding() {
        Principal p = principal();
        return ctx.path() + "\n" + (p == null || p.isAnonymous() ? "" : p.userId());
    }
}
