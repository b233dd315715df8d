package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.TestVigil.Account;

/**
 * Webhook subscriptions over real HTTP ({@code /api/v1/webhooks}): made with the options of {@code vigil webhook
 * add}, the secret shown once, each user seeing and removing only their own (another's answers 404 as a missing
 * one does), an admin seeing all, and the paths described in the OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhooksApiContract {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    private TestVigil vigil;
    private Account owner;
    private Account partner;
    private Account admin;
    private Account pager;
    private UUID shared;
    private UUID closed;

    abstract StoreKind store();

    @BeforeAll
    void twoOrganisationsAndTwoCollections(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Source", true);
        vigil.org("Partner", true);
        owner = vigil.user("owner", "Source", "analyst");
        partner = vigil.user("partner", "Partner", "reader");
        admin = vigil.user("admin", "Source", "admin");
        pager = vigil.user("pager", "Partner", "reader");
        shared = vigil.collection("Shared", "shared");
        closed = vigil.collection("Closed", "closed");
        for (Account a : List.of(owner, partner, pager)) {
            vigil.grant(shared, a, "read");
        }
        vigil.grant(closed, owner, "read");
        vigil.grant(shared, owner, "write");
        vigil.grant(closed, owner, "write");
        vigil.start();
        assertEquals(202, vigil.as(owner).add(shared, location(PARIS)).status());
        assertEquals(202, vigil.as(owner).add(closed, location(HIDEOUT)).status());
    }

    private static final String PARIS = "location--" + UUID.randomUUID();
    private static final String HIDEOUT = "location--" + UUID.randomUUID();

    private static org.vigil.stix.StixObject location(String id) {
        return org.vigil.stix.StixObject.builder("location", id).put("created", "2026-12-01T00:00:00.000Z")
                .put("modified", "2026-12-01T00:00:00.000Z").put("latitude", 48.8).put("longitude", 2.3).build();
    }

    @AfterAll
    void close() {
        vigil.close();
    }

    private record Answer(int status, JsonNode json, String body) {
    }

    private Answer call(String method, String path, Account who, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(vigil.base() + path)).header("Accept",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        if (who != null) {
            r.header("Authorization", who.bearer());
        }
        try {
            HttpResponse<String> resp = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = resp.body();
            return new Answer(resp.statusCode(), text.isEmpty() ? Taxii.JSON.missingNode() : Taxii.JSON.readTree(text),
                    text);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    private Answer create(Account who, String body) {
        return call("POST", "/api/v1/webhooks", who, body);
    }

    private String subscribe(Account who) {
        Answer a = create(who, "{\"url\": \"" + RECEIVER + "\"}");
        assertEquals(201, a.status(), a::body);
        return a.json().path("id").asText();
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("webhooks").forEach(w -> out.add(w.path("id").asText()));
        return out;
    }

    @Test
    void aSubscriptionMadeOverTheApiIsDeliveredSignedWithItsSecret() throws Exception {
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/courier", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Account courier = vigil.user("courier-" + store().name().toLowerCase(), "Partner", "reader");
            vigil.grant(shared, courier, "read");
            Answer made = create(courier, "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/courier\", \"collections\": [\"shared\"], \"types\": [\"indicator\"]}");
            assertEquals(201, made.status(), made::body);
            String secret = made.json().path("secret").asText();
            String indicator = "indicator--" + UUID.randomUUID();
            assertEquals(202, vigil.as(owner).add(shared, org.vigil.stix.StixObject.builder("indicator", indicator)
                    .put("created", "2026-12-06T10:00:00.000Z").put("modified", "2026-12-06T10:00:00.000Z")
                    .put("name", "for the courier").put("pattern", "[ipv4-addr:value = '198.51.100.3']")
                    .put("pattern_type", "stix").put("valid_from", "2026-12-06T10:00:00.000Z").build()).status());
            try (org.vigil.alerts.WebhookDeliverer deliveries = vigil.hub().alerts.startDeliveries(
                    java.time.Duration.ofMillis(100))) {
                long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
                while (received.stream().noneMatch(r -> r[3].contains(indicator)) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            String[] got = received.stream().filter(r -> r[3].contains(indicator)).findFirst()
                    .orElseThrow(() -> new AssertionError("nothing delivered for " + indicator));
            assertEquals(org.vigil.alerts.WebhookSignature.sign(secret, got[0], Long.parseLong(got[1]), got[3]),
                    got[2], "signed with the secret the API showed");
            assertEquals("object.added", Taxii.JSON.readTree(got[3]).path("type").asText());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void createTakesTheCommandLinesOptionsAndShowsTheSecretOnlyOnce() {
        Answer made = create(owner, "{\"url\": \"" + RECEIVER + "\", \"collections\": [\"shared\", \"" + closed
                + "\"], \"types\": [\"indicator\"], \"events\": [\"object.added\", \"alert.published\"]}");
        assertEquals(201, made.status(), made::body);
        String id = made.json().path("id").asText();
        String secret = made.json().path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(24, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertEquals("owner", made.json().path("user").asText());
        assertEquals(List.of(closed.toString(), shared.toString()).stream().sorted().toList(),
                Taxii.JSON.convertValue(made.json().path("collections"), List.class));
        assertEquals("[\"alert.published\",\"object.added\"]", made.json().path("events").toString());
        assertEquals("[\"indicator\"]", made.json().path("types").toString());
        assertEquals("ok", made.json().path("status").asText());

        Answer one = call("GET", "/api/v1/webhooks/" + id, owner, null);
        assertEquals(200, one.status(), one::body);
        assertEquals(RECEIVER, one.json().path("url").asText());
        Answer list = call("GET", "/api/v1/webhooks", owner, null);
        assertEquals(200, list.status(), list::body);
        assertTrue(ids(list.json()).contains(id), list::body);
        for (Answer a : List.of(one, list)) {
            assertFalse(a.body().contains(secret) || a.body().contains("whsec_") || a.json().has("secret"), a.body());
        }
        assertTrue(vigil.cli("webhook", "list").ok().contains(id + "\towner\t" + RECEIVER),
                "the command line sees what the API made");
    }

    @Test
    void placesAreLocationsTheCallerMaySee() {
        Answer made = create(partner, "{\"url\": \"" + RECEIVER + "\", \"places\": [\"" + PARIS + "\"]}");
        assertEquals(201, made.status(), made::body);
        assertEquals("[\"" + PARIS + "\"]", made.json().path("places").toString());
        Answer hidden = create(partner, "{\"url\": \"" + RECEIVER + "\", \"places\": [\"" + HIDEOUT + "\"]}");
        assertEquals(422, hidden.status(), hidden::body);
        assertTrue(hidden.json().path("description").asText().startsWith("no location " + HIDEOUT), hidden::body);
    }

    @Test
    void anotherUsersSubscriptionAnswersExactlyLikeOneThatDoesNotExist() {
        String id = subscribe(owner);
        Answer theirs = call("GET", "/api/v1/webhooks/" + id, partner, null);
        Answer none = call("GET", "/api/v1/webhooks/" + UUID.randomUUID(), partner, null);
        assertEquals(404, theirs.status(), theirs::body);
        assertEquals(404, none.status(), none::body);
        assertEquals(none.body().replaceAll("[0-9a-f-]{36}", "ID"), theirs.body().replaceAll("[0-9a-f-]{36}", "ID"));
        assertEquals(404, call("DELETE", "/api/v1/webhooks/" + id, partner, null).status());
        assertFalse(ids(call("GET", "/api/v1/webhooks", partner, null).json()).contains(id));
        assertEquals(200, call("GET", "/api/v1/webhooks/" + id, owner, null).status(), "the failed delete removed nothing");
    }

    @Test
    void anAdminSeesEveryonesSubscriptionsWhenAskingForAll() {
        String owners = subscribe(owner);
        String partners = subscribe(partner);
        List<String> all = ids(call("GET", "/api/v1/webhooks?all=true&limit=1000", admin, null).json());
        assertTrue(all.containsAll(List.of(owners, partners)), all::toString);
        assertFalse(ids(call("GET", "/api/v1/webhooks", admin, null).json()).contains(partners),
                "without all=true an admin lists their own, like everyone");
        assertEquals(200, call("GET", "/api/v1/webhooks/" + partners, admin, null).status());
        Answer refused = call("GET", "/api/v1/webhooks?all=true", partner, null);
        assertEquals(403, refused.status(), refused::body);
        assertTrue(refused.json().path("description").asText().contains("leave out all=true"), refused::body);
    }

    @Test
    void deleteRemovesTheSubscriptionForGood() {
        String id = subscribe(owner);
        Answer gone = call("DELETE", "/api/v1/webhooks/" + id, owner, null);
        assertEquals(200, gone.status(), gone::body);
        assertEquals(404, call("GET", "/api/v1/webhooks/" + id, owner, null).status());
        assertEquals(404, call("DELETE", "/api/v1/webhooks/" + id, owner, null).status());
        assertFalse(vigil.cli("webhook", "list").ok().contains(id));
        String audit = vigil.cli("audit", "show").ok();
        assertTrue(audit.contains("webhook-add") && audit.contains("webhook-remove"), "made and removed are audited");
    }

    @Test
    void listsPageWithASignedNextToken() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(subscribe(pager));
        }
        Answer first = call("GET", "/api/v1/webhooks?limit=2", pager, null);
        assertEquals(200, first.status(), first::body);
        assertTrue(first.json().path("more").asBoolean(), first::body);
        String next = first.json().path("next").asText();
        Answer second = call("GET", "/api/v1/webhooks?limit=2&next=" + next, pager, null);
        assertFalse(second.json().path("more").asBoolean(), second::body);
        List<String> seen = new ArrayList<>(ids(first.json()));
        seen.addAll(ids(second.json()));
        assertEquals(made.stream().sorted().toList(), seen);
        assertEquals(400, call("GET", "/api/v1/webhooks?next=" + next, partner, null).status(),
                "a next token is bound to its caller");
    }

    @Test
    void refusesWhatItCannotActOnWithAReasonAndNeverRevealsAHiddenCollection() {
        assertEquals(401, create(null, "{\"url\": \"" + RECEIVER + "\"}").status());
        assertEquals(401, call("GET", "/api/v1/webhooks", null, null).status());
        assertEquals(400, create(owner, "not json").status());
        assertEquals(400, create(owner, "{\"events\": [\"object.added\"]}").status());
        Answer event = create(owner, "{\"url\": \"" + RECEIVER + "\", \"events\": [\"object.removed\"]}");
        assertEquals(422, event.status(), event::body);
        assertTrue(event.json().path("description").asText().contains("known events"), event::body);
        Answer url = create(owner, "{\"url\": \"ftp://example\"}");
        assertEquals(422, url.status(), url::body);
        Answer hidden = create(partner, "{\"url\": \"" + RECEIVER + "\", \"collections\": [\"closed\"]}");
        Answer missing = create(partner, "{\"url\": \"" + RECEIVER + "\", \"collections\": [\"nowhere\"]}");
        assertEquals(422, hidden.status(), hidden::body);
        assertEquals(missing.body().replace("nowhere", "X"), hidden.body().replace("closed", "X"));
        assertFalse(hidden.body().contains(closed.toString()), hidden::body);
    }

    @Test
    void theOpenApiDocumentDescribesTheWebhookPaths() {
        JsonNode paths = call("GET", "/api/v1/openapi.json", null, null).json().path("paths");
        assertTrue(paths.path("/api/v1/webhooks").has("post"), paths::toString);
        assertTrue(paths.path("/api/v1/webhooks").has("get"), paths::toString);
        assertTrue(paths.path("/api/v1/webhooks/{id}").has("get"), paths::toString);
        assertTrue(paths.path("/api/v1/webhooks/{id}").has("delete"), paths::toString);
        assertTrue(paths.path("/api/v1/alerts/{id}/review").has("post"), paths::toString);
    }
}
