package org.vigil.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.access.Principal;
import org.vigil.store.Webhook;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiResponse;
import org.vigil.taxii.api.ApiV1;

/**
 * Webhook subscriptions over HTTP, under {@code /api/v1/webhooks}: create (the answer carries the signing secret,
 * the only time it is shown), list, get and delete. Any user may subscribe; a subscription acts as its user. A
 * user sees and removes only their own subscriptions: another user's answers 404, exactly like one that does not
 * exist. An admin may see and remove every subscription (as {@code vigil webhook list} and {@code remove} do on
 * the server), and lists them all with {@code ?all=true}.
 */
final class WebhooksApi {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final Webhooks webhooks;

    WebhooksApi(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    void install(ApiV1 api) {
        api.post("/webhooks", this::create);
        api.get("/webhooks", this::list);
        api.get("/webhooks/{id}", call -> json(visible(call)));
        api.delete("/webhooks/{id}", call -> {
            Webhook w = visible(call);
            webhooks.remove(w.id());
            webhooks.note(call.principal(), "webhook-remove", call.request(), w);
            return Map.of("id", w.id().toString(), "status", "removed");
        });
    }

    private ApiResponse create(ApiCall call) {
        Principal p = user(call);
        JsonNode body = call.body();
        if (!body.isObject() || !body.path("url").isTextual()) {
            throw ApiException.badRequest("the body must be a JSON object with at least url, e.g. {\"url\": "
                    + "\"https://receiver.example/hooks\", \"events\": [\"object.added\"]}");
        }
        List<UUID> collections = new ArrayList<>();
        for (String ref : texts(body, "collections")) {
            collections.add(webhooks.readableCollection(p, ref).orElseThrow(() -> ApiException.unprocessable("no collection '"
                    + ref + "' that you may read; give a collection's id or alias from TAXII's collections list")));
        }
        Webhooks.Added added;
        try {
            added = webhooks.add(p, body.path("url").asText(), collections, texts(body, "types"),
                    texts(body, "places"), texts(body, "events"));
        } catch (AlertRefusal r) {
            // Whatever the body names that the caller may not see is unacceptable input here, not a missing page.
            throw ApiException.unprocessable(r.getMessage());
        }
        webhooks.note(p, "webhook-add", call.request(), added.webhook());
        Map<String, Object> out = json(added.webhook());
        out.put("secret", added.secret());
        return ApiResponse.created(out);
    }

    private Map<String, Object> list(ApiCall call) {
        Principal p = user(call);
        boolean all = call.query("all").map(Boolean::parseBoolean).orElse(false);
        if (all && !isAdmin(p)) {
            throw ApiException.forbidden("only an admin may list every user's webhooks; leave out all=true to list "
                    + "your own");
        }
        int limit = call.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String after = call.position().orElse("");
        List<Webhook> mine = webhooks.list().stream()
                .filter(w -> all || w.userId().equals(p.userId()))
                .sorted(Comparator.comparing(w -> w.id().toString()))
                .filter(w -> w.id().toString().compareTo(after) > 0)
                .limit(limit + 1L).toList();
        boolean more = mine.size() > limit;
        List<Webhook> page = more ? mine.subList(0, limit) : mine;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("more", more);
        if (more) {
            out.put("next", call.nextToken(page.get(page.size() - 1).id().toString()));
        }
        out.put("webhooks", page.stream().map(this::json).toList());
        return out;
    }

    /** The subscription named in the path, if the caller owns it or is an admin; else 404, as for none. */
    private Webhook visible(ApiCall call) {
        Principal p = user(call);
        String ref = call.pathParam("id");
        UUID id;
        try {
            id = UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("webhook " + ref);
        }
        return webhooks.get(id).filter(w -> w.userId().equals(p.userId()) || isAdmin(p))
                .orElseThrow(() -> ApiException.notFound("webhook " + ref));
    }

    private static boolean isAdmin(Principal p) {
        return p.role() == org.vigil.store.Role.ADMIN;
    }

    private static Principal user(ApiCall call) {
        Principal p = call.principal();
        if (p.isAnonymous()) {
            throw new ApiException(401, "Unauthorized", "webhooks act as a user: send HTTP Basic credentials or a "
                    + "Bearer token");
        }
        return p;
    }

    /** A subscription as the API shows it; never its secret. */
    private Map<String, Object> json(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id().toString());
        m.put("user", webhooks.userName(w.userId()));
        m.put("url", w.url());
        m.put("collections", w.collections().stream().map(UUID::toString).sorted().toList());
        m.put("types", w.types().stream().sorted().toList());
        m.put("places", w.places().stream().sorted().toList());
        m.put("events", w.events().stream().sorted().toList());
        m.put("created", AlertTimes.stix(w.created()));
        m.put("status", w.failing() ? "failing" : w.failures() > 0 ? "retrying" : "ok");
        m.put("failures", w.failures());
        m.put("last_error", w.lastError());
        return m;
    }

    private static List<String> texts(JsonNode body, String name) {
        List<String> out = new ArrayList<>();
        JsonNode n = body.path(name);
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (!n.isMissingNode() && !n.isNull()) {
            throw ApiException.badRequest(name + " must be a list of strings");
        }
        return out;
    }
}
