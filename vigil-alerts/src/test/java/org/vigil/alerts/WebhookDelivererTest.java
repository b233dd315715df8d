package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.AuditQuery;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Webhook;

class WebhookDelivererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID SHARED = UUID.randomUUID();

    @TempDir
    Path dir;
    AlertHub hub;
    Webhooks webhooks;
    WebhookDeliverer deliverer;
    Receiver receiver;
    Collection shared;

    @BeforeEach
    void open() {
        hub = new AlertHub(dir);
        webhooks = new Webhooks(hub.reads, hub.store, AlertHub.ROOT, Clock.systemUTC());
        // Polls rarely: the tests deliver by hand, so that nothing depends on timing.
        deliverer = new WebhookDeliverer(hub.reads, hub.store, AlertHub.ROOT, Clock.systemUTC(), Duration.ofHours(1));
        receiver = new Receiver();
        shared = Collection.of(SHARED, AlertHub.ROOT, "Shared");
        hub.store.putCollection(shared);
        for (Principal p : List.of(hub.analyst, hub.partner)) {
            hub.store.putGrant(new Grant(p.userId(), SHARED, true, true));
        }
    }

    @AfterEach
    void close() {
        receiver.close();
        deliverer.close();
        hub.close();
    }

    private Webhook subscribe(Principal p, List<String> events) {
        Webhooks.Added added = webhooks.add(p, receiver.url(), List.of(SHARED), List.of(), List.of(), events);
        receiver.secret = added.secret();
        assertTrue(added.secret().startsWith("whsec_"));
        return added.webhook();
    }

    private void post(Principal p, Tlp tlp, String name) {
        StixObject o = StixObject.builder("indicator", "indicator--" + UUID.randomUUID())
                .put("created", "2026-12-06T10:00:00.000Z").put("modified", "2026-12-06T10:00:00.000Z")
                .put("name", name).put("pattern", "[ipv4-addr:value = '198.51.100.1']").put("pattern_type", "stix")
                .put("valid_from", "2026-12-06T10:00:00.000Z")
                .put("object_marking_refs", List.of(tlp.markingId())).build();
        hub.writes.add(p, new CollectionView(shared, true, true, false), List.of(WritePath.Item.of(o)), "test");
    }

    private List<String> names() {
        return receiver.received.stream().map(d -> {
            try {
                return JSON.readTree(d.body()).path("data").path("object").path("name").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void deliversEachNewObjectSignedAsStandardWebhooksDescribes() throws Exception {
        Webhook w = subscribe(hub.analyst, List.of());
        post(hub.analyst, Tlp.GREEN, "one");
        post(hub.analyst, Tlp.GREEN, "two");
        deliverer.deliver(w.id());
        assertEquals(List.of("one", "two"), names());
        for (Receiver.Delivery d : receiver.received) {
            assertTrue(d.signatureOk(), "signature of " + d.id());
            JsonNode body = JSON.readTree(d.body());
            assertEquals("object.added", body.path("type").asText());
            assertTrue(body.has("timestamp"));
        }
        deliverer.deliver(w.id());
        assertEquals(2, receiver.received.size(), "what was acknowledged is not sent again");
    }

    @Test
    void twoNodesSharingTheStoreDeliverEachNotificationOnce() throws Exception {
        subscribe(hub.analyst, List.of());
        List<String> posted = new ArrayList<>();
        try (WebhookDeliverer other = new WebhookDeliverer(hub.reads, hub.store, AlertHub.ROOT, Clock.systemUTC(),
                Duration.ofMillis(20));
             WebhookDeliverer one = new WebhookDeliverer(hub.reads, hub.store, AlertHub.ROOT, Clock.systemUTC(),
                     Duration.ofMillis(20))) {
            for (int i = 0; i < 60; i++) {
                post(hub.analyst, Tlp.GREEN, "n" + i);
                posted.add("n" + i);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.received.size() < posted.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
        }
        List<String> ids = receiver.received.stream().map(Receiver.Delivery::id).toList();
        assertEquals(posted, names(), "each object once, in order");
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no notification twice");
    }

    @Test
    void anotherOrganisationsWebhookNeverReceivesAmberStrictObjects() {
        Webhook partners = subscribe(hub.partner, List.of());
        post(hub.analyst, Tlp.AMBER_STRICT, "agency only");
        post(hub.analyst, Tlp.AMBER, "shared");
        deliverer.deliver(partners.id());
        assertEquals(List.of("shared"), names());
        assertTrue(hub.store.audit(AuditQuery.all(1000)).stream().anyMatch(r -> hub.partner.userId().equals(r.actor())
                && r.path() != null && r.path().startsWith("webhook " + partners.id())),
                "the deliveries are audited as reads of the subscription's user");
    }

    @Test
    void subscriptionsOfOneUserShareEachReadYetEachGetsWhatLiesPastItsOwnCursor() {
        Webhook first = subscribe(hub.analyst, List.of());
        post(hub.analyst, Tlp.GREEN, "one");
        deliverer.deliver(first.id());
        Webhook second = subscribe(hub.analyst, List.of());
        post(hub.analyst, Tlp.GREEN, "two");
        long readsBefore = reads();
        deliverer.deliver(List.of(first.id(), second.id()));
        assertEquals(List.of("one", "two", "two"), names(), "the second subscription began after 'one'");
        assertEquals(readsBefore + 1, reads(), "one read served both subscriptions");

        post(hub.analyst, Tlp.GREEN, "three");
        receiver.refuseNext.set(1);
        deliverer.deliver(List.of(first.id(), second.id()));
        assertEquals(List.of("one", "two", "two", "three"), names(), "one receiver's refusal does not stop the other");
        assertEquals(1, webhooks.get(first.id()).orElseThrow().failures());
        assertEquals(0, webhooks.get(second.id()).orElseThrow().failures());
        deliverer.deliver(List.of(first.id(), second.id()));
        assertEquals(List.of("one", "two", "two", "three", "three"), names(), "the refused one is retried, alone");
        assertEquals(0, webhooks.get(first.id()).orElseThrow().failures());
    }

    private long reads() {
        return hub.store.audit(AuditQuery.all(10_000)).stream().filter(r -> r.path() != null
                && r.path().startsWith("webhook")).count();
    }

    @Test
    void aRefusedDeliveryIsRetriedLaterWithNothingLostAndBackoffRecorded() {
        Webhook w = subscribe(hub.analyst, List.of());
        post(hub.analyst, Tlp.GREEN, "one");
        receiver.refuseNext.set(1);
        deliverer.deliver(w.id());
        Webhook after = webhooks.get(w.id()).orElseThrow();
        assertEquals(1, after.failures());
        assertTrue(after.nextAttempt().isAfter(after.firstFailure()), "the next attempt waits");
        assertFalse(after.failing());
        assertTrue(receiver.received.isEmpty());
        deliverer.deliver(w.id());
        assertEquals(List.of("one"), names());
        assertEquals(0, webhooks.get(w.id()).orElseThrow().failures());
    }

    @Test
    void aPublishedAlertIsAnAlertPublishedEvent() throws Exception {
        Webhooks.Added added = webhooks.add(hub.partner, receiver.url(), List.of(), List.of(),
                List.of(), List.of(Webhooks.ALERT_PUBLISHED));
        receiver.secret = added.secret();
        Alert a = hub.publish(hub.draft("Paris"));
        deliverer.deliver(added.webhook().id());
        assertEquals(1, receiver.received.size());
        JsonNode body = JSON.readTree(receiver.received.get(0).body());
        assertEquals("alert.published", body.path("type").asText());
        assertEquals(a.id(), body.path("data").path("object").path("id").asText());
    }

    @Test
    void aPlaceFilterCarriesOnlyObjectsThatNameThePlace() throws Exception {
        Webhooks.Added added = webhooks.add(hub.partner, receiver.url(), List.of(), List.of(), List.of(hub.lyon),
                List.of(Webhooks.ALERT_PUBLISHED));
        receiver.secret = added.secret();
        hub.publish(hub.draft("Paris"));
        Alert lyon = hub.publish(hub.draft("Lyon"));
        deliverer.deliver(added.webhook().id());
        assertEquals(1, receiver.received.size());
        assertEquals(lyon.id(), JSON.readTree(receiver.received.get(0).body()).path("data").path("object").path("id")
                .asText());
    }

    @Test
    void refusesUnknownEventsAndCollectionsTheUserMayNotRead() {
        assertThrows(AlertRefusal.class, () -> webhooks.add(hub.analyst, receiver.url(), List.of(), List.of(),
                List.of(), List.of("object.deleted")));
        assertThrows(AlertRefusal.class, () -> webhooks.add(hub.partner, receiver.url(),
                List.of(AlertHub.PRIVATE_PLACES), List.of(), List.of(), List.of()));
        assertThrows(AlertRefusal.class, () -> webhooks.add(hub.partner, "ftp://x/y", List.of(), List.of(), List.of(), List.of()));
        assertThrows(AlertRefusal.class, () -> webhooks.add(hub.partner, receiver.url(), List.of(), List.of(),
                List.of(hub.safehouse), List.of()));
    }

    @Test
    void anUptickIsSentOnceItsDayClosesAndOnlyWhereTheUserMaySeeIt() throws Exception {
        java.time.Instant created = java.time.Instant.parse("2026-11-01T00:00:00Z");
        Webhooks.Added added = new Webhooks(hub.reads, hub.store, AlertHub.ROOT, Clock.fixed(created,
                java.time.ZoneOffset.UTC)).add(hub.partner, receiver.url(), List.of(), List.of(), List.of(),
                List.of(Webhooks.UPTICK_FLAGGED));
        receiver.secret = added.secret();
        List<StixObject> reports = new ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.of(2026, 9, 1); d.isBefore(java.time.LocalDate.of(2026, 11, 20));
             d = d.plusDays(1)) {
            reports.add(report(d, hub.paris, null));
        }
        for (int i = 0; i < 9; i++) {
            reports.add(report(java.time.LocalDate.of(2026, 11, 20), hub.paris, null));
        }
        hub.post(true, reports);
        List<WritePath.Item> hidden = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            hidden.add(WritePath.Item.of(report(java.time.LocalDate.of(2026, 11, 21), hub.lyon, Tlp.AMBER_STRICT)));
        }
        hub.writes.add(hub.analyst, new CollectionView(shared, true, true, false), hidden, "test");
        try (WebhookDeliverer later = new WebhookDeliverer(hub.reads, hub.store, AlertHub.ROOT,
                Clock.fixed(java.time.Instant.parse("2026-11-25T12:00:00Z"), java.time.ZoneOffset.UTC),
                Duration.ofHours(1))) {
            later.deliver(added.webhook().id());
            assertEquals(1, receiver.received.size(), () -> receiver.received.toString());
            Receiver.Delivery d = receiver.received.get(0);
            assertTrue(d.signatureOk());
            JsonNode body = JSON.readTree(d.body());
            assertEquals("uptick.flagged", body.path("type").asText());
            assertEquals(hub.paris, body.path("data").path("place").asText());
            assertEquals("2026-11-20", body.path("data").path("date").asText());
            assertEquals(9, body.path("data").path("observed").asInt());
            later.deliver(added.webhook().id());
            assertEquals(1, receiver.received.size(), "a day is sent once");
        }
    }

    private static StixObject report(java.time.LocalDate day, String place, Tlp tlp) {
        String at = day + "T10:00:00.000Z";
        StixObject.Builder b = StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at)
                .put("modified", at).put("name", "Report of " + day).put("published", at)
                .put("report_types", List.of("threat-report")).put("object_refs", List.of(place));
        if (tlp != null) {
            b.put("object_marking_refs", List.of(tlp.markingId()));
        }
        return b.build();
    }
}
