package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.alerts.WebhookDeliverer;
import org.vigil.alerts.WebhookSignature;
import org.vigil.alerts.Webhooks;
import org.vigil.app.TestVigil.Account;
import org.vigil.screen.ContinuousScreening;
import org.vigil.screen.WatchlistHit;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;

/**
 * Continuous screening end to end, over real HTTP: an individual posted over TAXII as "Доку Умаров" is screened in
 * the background, becomes a sighting of the watchlisted "Doku Umarov" and a signed {@code watchlist.hit} webhook to
 * the list owner's subscriber; a partner organisation that may see the newcomer but not the AMBER+STRICT person of
 * interest gets neither a notification nor a sighting; a node that dies holding the work, and a restart, repeat
 * nothing.
 */
abstract class ContinuousScreeningContract {

    private static final String UMAROV = "threat-actor--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    private static final String NEWCOMER = "identity--7e1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private record Received(String hook, String id, String type, JsonNode data, boolean signed) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private HttpServer receiver;
    private TestVigil vigil;

    abstract StoreKind store();

    @AfterEach
    void close() {
        if (vigil != null) {
            vigil.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private void receive() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String hook : List.of("colleague", "partner")) {
            receiver.createContext("/" + hook, exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                long ts = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                boolean signed = WebhookSignature.sign(secrets.get(hook), id, ts, body)
                        .equals(exchange.getRequestHeaders().getFirst("webhook-signature"));
                JsonNode json = Taxii.JSON.readTree(body);
                received.add(new Received(hook, id, json.path("type").asText(), json.path("data"), signed));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
        }
        receiver.start();
    }

    private void subscribe(String user, String... events) {
        List<String> args = new java.util.ArrayList<>(List.of("webhook", "add", "http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/" + user, "--user", user));
        for (String e : events) {
            args.add("--event");
            args.add(e);
        }
        String out = vigil.cli(args.toArray(String[]::new)).ok();
        secrets.put(user, out.lines().reduce((a, b) -> b).orElseThrow().strip());
    }

    private static StixObject umarov(String source) {
        return StixObject.builder("threat-actor", UMAROV).put("created_by_ref", source)
                .put("created", "2026-05-01T08:00:00.000Z").put("modified", "2026-05-01T08:00:00.000Z")
                .put("name", "Doku Umarov").put("resource_level", "individual")
                .put("threat_actor_types", List.of("terrorist")).put("object_marking_refs", List.of(Stix.AMBER_STRICT))
                .build();
    }

    private static StixObject newcomer() {
        return StixObject.builder("identity", NEWCOMER)
                .put("created", "2026-12-01T08:00:00.000Z").put("modified", "2026-12-01T08:00:00.000Z")
                .put("name", "Доку Умаров").put("identity_class", "individual")
                .put("object_marking_refs", List.of(Stix.AMBER)).build();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private List<Received> to(String hook, String type) {
        return received.stream().filter(r -> r.hook().equals(hook) && r.type().equals(type)).toList();
    }

    private List<String> sightingIds(Account who, UUID collection) {
        return vigil.as(who).get(Taxii.objects(collection), "match[type]", "sighting").ids();
    }

    @Test
    void anIndividualPostedInCyrillicIsSightedAndNotifiedToTheListOwnerAlone(@TempDir Path dir) throws Exception {
        receive();
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Source", true);
        vigil.org("Partner", true);
        Account poster = vigil.user("poster", "Source", "analyst");
        Account colleague = vigil.user("colleague", "Source", "reader");
        Account partner = vigil.user("partner", "Partner", "analyst");
        UUID shared = vigil.collection("Shared", "shared");
        for (Account a : List.of(poster, partner)) {
            vigil.grant(shared, a, "write");
        }
        for (Account a : List.of(poster, colleague, partner)) {
            vigil.grant(shared, a, "read");
        }
        subscribe("colleague", Webhooks.WATCHLIST_HIT);
        subscribe("partner", Webhooks.WATCHLIST_HIT, Webhooks.OBJECT_ADDED);
        vigil.start();
        assertEquals(1, vigil.as(poster).add(shared, umarov(poster.organisationIdentity())).json()
                .path("success_count").asInt());
        assertEquals(1, vigil.as(partner).add(shared, newcomer()).json().path("success_count").asInt());

        // A node claims the work and dies before doing it; after a restart the work is still there for another.
        assertEquals(2, vigil.hub().store.claimScreening("node-that-died", Instant.now().minusSeconds(1), 10).size());
        vigil.restart();
        try (ContinuousScreening screening = new ContinuousScreening(vigil.hub().reads, vigil.hub().writes,
                vigil.hub().store, Clock.systemUTC()).start(Duration.ofMillis(100));
             WebhookDeliverer deliveries = vigil.hub().alerts.startDeliveries(Duration.ofMillis(100))) {
            await("the colleague's watchlist.hit", () -> !to("colleague", Webhooks.WATCHLIST_HIT).isEmpty());
            // Posted after the sighting: once the partner is told of it, its subscription has passed the sighting.
            StixObject marker = Stix.indicator("after the sighting");
            vigil.as(partner).add(shared, marker);
            await("the partner's object.added for the marker", () -> to("partner", Webhooks.OBJECT_ADDED).stream()
                    .anyMatch(r -> r.data().path("object").path("id").asText().equals(marker.id())));
        }

        Received hit = to("colleague", Webhooks.WATCHLIST_HIT).get(0);
        assertTrue(hit.signed(), "signed with the subscription's secret");
        assertEquals(UMAROV, hit.data().path("sighting").path("sighting_of_ref").asText());
        assertEquals(Publisher.IDENTITY_ID, hit.data().path("sighting").path("created_by_ref").asText());
        assertEquals("Doku Umarov", hit.data().path("person_of_interest").path("name").asText());
        assertEquals("Доку Умаров", hit.data().path("object").path("name").asText());
        assertEquals(shared.toString(), hit.data().path("collection").asText());
        assertTrue(hit.data().path("sighting").path("extensions").path(WatchlistHit.EXTENSION_ID).path("score")
                .asDouble() >= 0.88, hit.data().toString());
        assertTrue(to("partner", Webhooks.WATCHLIST_HIT).isEmpty(), "the partner may not see the person of interest");

        assertEquals(1, sightingIds(colleague, shared).size(), "the list owner reads the sighting over TAXII");
        assertEquals(List.of(), sightingIds(partner, shared), "the partner sees no sighting");

        // Screening again (on demand, after the restart) finds nothing queued and writes nothing new.
        assertTrue(vigil.cli("screen", "--queue").ok().startsWith("screened 0 new individual(s)"));
        String sighting = sightingIds(colleague, shared).get(0);
        assertEquals(1, vigil.as(colleague).get(Taxii.versions(shared, sighting)).json().path("versions").size());
        assertEquals(1, to("colleague", Webhooks.WATCHLIST_HIT).stream().map(Received::id).distinct().count());
    }

    @Test
    void theHitExtensionIsTheOneWebhooksLookFor() {
        assertEquals(WatchlistHit.EXTENSION_ID, Webhooks.WATCHLIST_HIT_EXTENSION);
    }
}
