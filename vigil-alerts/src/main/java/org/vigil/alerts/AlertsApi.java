package org.vigil.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.access.Principal;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiHandler;
import org.vigil.taxii.api.ApiModule;
import org.vigil.taxii.api.ApiResponse;
import org.vigil.taxii.api.ApiV1;
import org.vigil.taxii.api.Document;

/**
 * Alerts over HTTP. Anonymous documents: {@code /alerts/{id}.cap}, {@code /alerts/feed.atom} and
 * {@code /alerts/signing-key.pem}. The workflow under {@code /api/v1/alerts}: list, draft (POST), one alert, and
 * POST {@code /{id}/review}, {@code /{id}/publish}, {@code /{id}/update}, {@code /{id}/cancel}. And the live stream of new objects,
 * {@code /api/v1/stream} (Server-Sent Events), and webhook subscriptions under {@code /api/v1/webhooks}.
 */
final class AlertsApi implements ApiModule {

    private final AlertDesk desk;
    private final AlertSuggestion suggestions;
    private final AlertFormats formats;
    private final LiveStream stream;
    private final TravellerMail mail;
    private final WebhooksApi webhooks;

    /** @param mail the e-mail subscriptions, or null when no SMTP server is configured */
    AlertsApi(AlertDesk desk, AlertSuggestion suggestions, AlertFormats formats, LiveStream stream,
              TravellerMail mail, Webhooks webhooks) {
        this.webhooks = new WebhooksApi(webhooks);
        this.desk = desk;
        this.suggestions = suggestions;
        this.formats = formats;
        this.stream = stream;
        this.mail = mail;
    }

    @Override
    public void install(ApiV1 api) {
        api.document("/alerts/", "/alerts/{name}", this::document);
        api.stream("/stream", LiveStream.POLL, stream::open);
        webhooks.install(api);
        api.describe(AlertsApi.class.getResourceAsStream("openapi-paths.json"));
        api.post("/alerts/subscriptions", call -> {
            JsonNode body = call.body();
            String email = body.path("email").asText("");
            refusingMail(() -> mailer().subscribe(email, texts(body, "places")));
            return new ApiResponse(202, Map.of("status", "a confirmation link was sent to " + email
                    + "; nothing else is sent until it is followed"));
        });
        api.get("/alerts/subscriptions/confirm", call -> {
            if (!mailer().confirm(call.query("token").orElse(""))) {
                throw ApiException.notFound("subscription");
            }
            return Map.of("status", "confirmed: travel alerts will be mailed to this address");
        });
        // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to the link; people may also open it.
        ApiHandler unsubscribe = call -> {
            if (!mailer().unsubscribe(call.query("token").orElse(""))) {
                throw ApiException.notFound("subscription");
            }
            return Map.of("status", "unsubscribed: no more travel alerts will be mailed to this address");
        };
        api.post("/alerts/subscriptions/unsubscribe", unsubscribe);
        api.get("/alerts/subscriptions/unsubscribe", unsubscribe);
        api.get("/alerts", call -> Map.of("alerts", desk.list(call.principal(), call.request()).stream()
                .map(this::json).toList()));
        api.post("/alerts", call -> ApiResponse.created(json(refusing(() -> desk.draft(author(call),
                draft(call.body()), call.request())))));
        api.get("/alerts/suggestion", call -> suggestion(call));
        api.get("/alerts/{id}", call -> json(desk.list(call.principal(), call.request()).stream()
                .filter(a -> a.id().equals(call.pathParam("id"))).findFirst()
                .orElseThrow(() -> ApiException.notFound("alert " + call.pathParam("id")))));
        api.post("/alerts/{id}/review", call -> json(refusing(() -> desk.review(author(call), call.pathParam("id"),
                call.request()))));
        api.get("/alerts/{id}/cap-preview", call -> Map.of("id", call.pathParam("id"), "signed", false,
                "cap", new String(formats.preview(author(call), call.pathParam("id"), java.time.Instant.now(),
                        call.request()).orElseThrow(() -> ApiException.notFound("alert " + call.pathParam("id"))),
                        java.nio.charset.StandardCharsets.UTF_8)));
        api.post("/alerts/{id}/publish", call -> json(refusing(() -> desk.publish(author(call), call.pathParam("id"),
                call.request()))));
        api.post("/alerts/{id}/update", call -> ApiResponse.created(json(refusing(() -> desk.update(author(call),
                call.pathParam("id"), draft(call.body()), call.request())))));
        api.post("/alerts/{id}/cancel", call -> ApiResponse.created(json(refusing(() -> desk.cancel(author(call),
                call.pathParam("id"), call.body().path("reason").asText(null), call.request())))));
    }

    private Document document(ApiCall call) {
        String name = call.pathParam("name");
        if (name.equals("feed.atom")) {
            return new Document(AtomFeed.MEDIA_TYPE, formats.feed(call.integer("page", 1, 1, 1_000_000),
                    call.baseUrl(), call.request()));
        }
        if (name.equals("signing-key.pem")) {
            return Document.text("application/x-pem-file", formats.signingKeyPem());
        }
        if (name.endsWith(".cap")) {
            String id = name.substring(0, name.length() - ".cap".length());
            return formats.cap(id, call.request()).map(b -> new Document(CapMessage.MEDIA_TYPE, b))
                    .orElseThrow(() -> ApiException.notFound("alert " + id));
        }
        throw ApiException.notFound("resource /alerts/" + name);
    }

    private TravellerMail mailer() {
        if (mail == null) {
            throw new ApiException(503, "Service unavailable", "this hub sends no e-mail: it has no SMTP server "
                    + "configured (settings smtp.host, smtp.from, alerts.base_url)");
        }
        return mail;
    }

    private static void refusingMail(Runnable act) {
        refusing(() -> {
            act.run();
            return null;
        });
    }

    private static Principal author(ApiCall call) {
        Principal p = call.principal();
        if (p.isAnonymous()) {
            throw new ApiException(401, "Unauthorized", "working on alerts needs a user: send HTTP Basic "
                    + "credentials or a Bearer token");
        }
        return p;
    }

    private interface Act {
        Alert run();
    }

    private static Alert refusing(Act act) {
        try {
            return act.run();
        } catch (AlertRefusal r) {
            throw refusal(r);
        }
    }

    /** A refusal of the alert desk as the API's error. */
    private static ApiException refusal(AlertRefusal r) {
        return switch (r.status()) {
            case 403 -> ApiException.forbidden(r.getMessage());
            case 404 -> new ApiException(404, "Not found", r.getMessage());
            case 409 -> new ApiException(409, "Conflict", r.getMessage());
            default -> ApiException.unprocessable(r.getMessage());
        };
    }

    /** A draft suggested from the upticks at a place or event in the week up to a day (default today). */
    private Map<String, Object> suggestion(ApiCall call) {
        String place = call.query("place").orElseThrow(() -> ApiException.badRequest("give the place or event to "
                + "suggest an alert for: ?place=location--... or ?place=vigil-event--..."));
        java.time.LocalDate day = call.day("day").orElse(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        AlertDraft d;
        try {
            d = suggestions.suggest(author(call), place, day, call.request());
        } catch (AlertRefusal r) {
            throw refusal(r);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("places", d.places());
        m.put("level", d.level());
        m.put("headline", d.headline());
        m.put("description", d.description());
        m.put("instruction", d.instruction());
        m.put("risks", d.risks());
        m.put("evidence", d.evidence());
        return m;
    }

    private static AlertDraft draft(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object with places, level, headline, description");
        }
        Integer level = null;
        if (body.has("level")) {
            if (!body.get("level").canConvertToInt()) {
                throw ApiException.badRequest("level must be a whole number from 1 to 4");
            }
            level = body.get("level").asInt();
        }
        Duration expires = null;
        if (body.hasNonNull("expires_in")) {
            try {
                expires = Duration.parse(body.get("expires_in").asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("expires_in must be an ISO 8601 duration such as P14D or PT36H");
            }
        }
        return new AlertDraft(texts(body, "places"), level, body.path("headline").asText(null),
                body.path("description").asText(null), body.path("instruction").asText(null), texts(body, "risks"),
                texts(body, "evidence"), expires);
    }

    private static List<String> texts(JsonNode body, String name) {
        List<String> out = new ArrayList<>();
        JsonNode n = body.path(name);
        if (n.isTextual()) {
            out.add(n.asText());
        } else {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    /** An alert as the API shows it: snake_case, STIX ids, RFC 3339 instants. */
    Map<String, Object> json(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("msg_type", a.kind().cap().toLowerCase());
        m.put("status", a.status());
        if (!a.published()) {
            m.put("drafted_by", desk.userName(a.draftedBy()));
            m.put("reviewed_by", desk.userName(a.reviewedBy()));
        }
        m.put("level", a.level().number());
        m.put("level_name", a.level().label());
        m.put("headline", a.headline());
        m.put("description", a.description());
        m.put("instruction", a.instruction());
        m.put("risks", a.risks());
        m.put("place_refs", a.placeRefs());
        m.put("evidence_refs", a.evidenceRefs());
        m.put("effective", AlertTimes.stix(a.effective()));
        m.put("expires", AlertTimes.stix(a.expires()));
        m.put("sent", a.sent() == null ? null : AlertTimes.stix(a.sent()));
        m.put("replaces", a.replaces());
        if (a.published()) {
            m.put("cap", "/alerts/" + a.id() + ".cap");
        }
        return m;
    }
}
