package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.app.TaxiiErrorsContract.assertTaxiiError;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Adding objects over HTTP: validation with the valid objects of an envelope stored anyway, re-posts, concurrent
 * writers, and the write-side rules of docs/sharing-model.md (the source of an object, grants, tokens).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaxiiWritesContract {

    private TestVigil vigil;
    private Account alice;
    private Account rita;
    private Account walter;
    private Account nora;
    private Account feed;
    private String partnerIdentity;
    private UUID intel;
    private UUID other;

    abstract StoreKind store();

    @BeforeAll
    void startVigil(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Acme", true);
        partnerIdentity = vigil.org("Partner Agency", true);
        vigil.org("Feeds", true);
        alice = vigil.user("alice", "Acme", "analyst");
        rita = vigil.user("rita", "Acme", "analyst");
        walter = vigil.user("walter", "Acme", "reader");
        nora = vigil.user("nora", "Acme", "analyst");
        feed = vigil.user("feed", "Feeds", "federation");
        intel = vigil.collection("Intel", "intel");
        other = vigil.collection("Other", "other");
        for (Account writer : List.of(alice, feed)) {
            vigil.grant(intel, writer, "read");
            vigil.grant(intel, writer, "write");
        }
        vigil.grant(intel, rita, "read");
        vigil.grant(intel, walter, "read");
        vigil.grant(intel, walter, "write");
        vigil.grant(other, alice, "read");
        vigil.grant(other, alice, "write");
        vigil.grant(other, nora, "write");
        vigil.start();
    }

    @AfterAll
    void stopVigil() {
        vigil.close();
    }

    private Taxii alice() {
        return vigil.as(alice);
    }

    private JsonNode stored(UUID c, String id) {
        Reply r = alice().get(Taxii.object(c, id));
        assertEquals(200, r.status(), r::toString);
        return r.json().path("objects").get(0);
    }

    private static JsonNode failure(JsonNode status, String id) {
        for (JsonNode f : status.path("failures")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no failure for " + id + " in " + status);
    }

    // Validation

    @Test
    void invalidObjectsAreFailuresWithTheValidatorsMessageWhileValidOnesAreStored() {
        StixObject good = Stix.indicator("good");
        StixObject backwards = Stix.indicator(Stix.newId("indicator"), "backwards", 1).with("created", Stix.time(60));
        StixObject oldSpec = Stix.malware("old spec").with("spec_version", "2.0");
        String body = "{\"objects\": [" + good.toJson() + ", " + backwards.toJson() + ", 42, "
                + oldSpec.toJson() + "]}";
        Reply r = alice().post(Taxii.objects(intel), body);
        assertEquals(202, r.status(), r::toString);
        JsonNode status = r.json();
        assertEquals(4, status.path("total_count").asInt());
        assertEquals(1, status.path("success_count").asInt(), status::toString);
        assertEquals(3, status.path("failure_count").asInt(), status::toString);
        assertEquals(good.id(), status.path("successes").get(0).path("id").asText());
        String message = failure(status, backwards.id()).path("message").asText();
        assertTrue(message.contains("/modified") && message.contains("earlier than created"), message);
        assertTrue(failure(status, oldSpec.id()).path("message").asText().contains("spec_version"), status::toString);
        assertTrue(failure(status, "objects[2]").path("message").asText().contains("not a JSON object"),
                status::toString);
        assertEquals(200, alice().get(Taxii.object(intel, good.id())).status());
        assertEquals(404, alice().get(Taxii.object(intel, backwards.id())).status());
        assertEquals(404, alice().get(Taxii.object(intel, oldSpec.id())).status());
        JsonNode persisted = alice().get(Taxii.status(status.path("id").asText())).json();
        assertEquals(status, persisted, "the failures are kept in the status resource");
    }

    @Test
    void repostingAnObjectAlreadyHeldIsASuccessAndStoresNothingTwice() {
        StixObject o = Stix.indicator("posted twice");
        JsonNode first = alice().add(intel, o).json();
        JsonNode again = alice().add(intel, o).json();
        assertEquals(1, first.path("success_count").asInt(), first::toString);
        assertEquals(1, again.path("success_count").asInt(), again::toString);
        assertEquals(0, again.path("failure_count").asInt(), again::toString);
        assertEquals(Instant.parse(Stix.time(1)),
                Instant.parse(again.path("successes").get(0).path("version").asText()));
        Reply versions = alice().get(Taxii.versions(intel, o.id()));
        assertEquals(1, versions.json().path("versions").size(), versions::toString);
        Reply manifest = alice().get(Taxii.manifest(intel), "match[id]", o.id(), "match[version]", "all");
        assertEquals(1, manifest.ids().size(), manifest::toString);
    }

    @Test
    void concurrentWritersToOneCollectionAllSucceedAndEveryObjectIsStoredOnce() throws Exception {
        UUID c = vigil.collection("Busy", "busy");
        List<Account> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Account writer = vigil.user("writer" + w, "Acme", "analyst");
            vigil.grant(c, writer, "read");
            vigil.grant(c, writer, "write");
            writers.add(writer);
        }
        StixObject shared = Stix.indicator("posted by everyone at once");
        CyclicBarrier start = new CyclicBarrier(writers.size());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Future<List<String>>> results = new ArrayList<>();
        for (Account writer : writers) {
            Callable<List<String>> task = () -> {
                List<String> ids = new ArrayList<>();
                start.await(30, TimeUnit.SECONDS);
                for (int envelope = 0; envelope < 5; envelope++) {
                    List<StixObject> batch = new ArrayList<>(List.of(shared));
                    for (int i = 0; i < 5; i++) {
                        batch.add(Stix.indicator(writer.name() + " " + envelope + "." + i));
                    }
                    Reply r = vigil.as(writer).add(c, batch);
                    assertEquals(202, r.status(), r::toString);
                    assertEquals(batch.size(), r.json().path("success_count").asInt(), r::toString);
                    batch.stream().skip(1).forEach(o -> ids.add(o.id()));
                }
                return ids;
            };
            results.add(pool.submit(task));
        }
        List<String> expected = new ArrayList<>(List.of(shared.id()));
        for (Future<List<String>> f : results) {
            expected.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        List<String> held = new ArrayList<>();
        List<Instant> datesAdded = new ArrayList<>();
        for (Reply page : vigil.as(writers.get(0)).allPages(Taxii.manifest(c), "match[version]", "all")) {
            page.json().path("objects").forEach(row -> {
                held.add(row.path("id").asText());
                datesAdded.add(Instant.parse(row.path("date_added").asText()));
            });
        }
        assertEquals(new HashSet<>(expected), new HashSet<>(held));
        assertEquals(expected.size(), held.size(), "every object once, the one posted by all included");
        for (int i = 1; i < datesAdded.size(); i++) {
            assertTrue(datesAdded.get(i).isAfter(datesAdded.get(i - 1)), "date_added is unique and ordered");
        }
    }

    // The source of an object

    @Test
    void missingCreatedByRefIsFilledWithThePostersOrganisation() {
        StixObject o = Stix.indicator("no source given");
        assertEquals(1, alice().add(intel, o).json().path("success_count").asInt());
        assertEquals(alice.organisationIdentity(), stored(intel, o.id()).path("created_by_ref").asText());
    }

    @Test
    void createdByRefOfThePostersOwnOrganisationIsAccepted() {
        StixObject o = Stix.indicator("own source").with("created_by_ref", alice.organisationIdentity());
        assertEquals(1, alice().add(intel, o).json().path("success_count").asInt());
        assertEquals(o.json(), stored(intel, o.id()));
    }

    @Test
    void spoofedCreatedByRefIsAFailureForAnyoneButAFederationAccount() {
        StixObject spoofed = Stix.indicator("claims to be the partner").with("created_by_ref", partnerIdentity);
        StixObject honest = Stix.indicator("honest neighbour");
        JsonNode status = alice().add(intel, spoofed, honest).json();
        assertEquals(1, status.path("success_count").asInt(), status::toString);
        String message = failure(status, spoofed.id()).path("message").asText();
        assertTrue(message.contains(partnerIdentity) && message.contains("federation"), message);
        assertEquals(404, alice().get(Taxii.object(intel, spoofed.id())).status());
        assertEquals(200, alice().get(Taxii.object(intel, honest.id())).status());

        JsonNode byFeed = vigil.as(feed).add(intel, spoofed).json();
        assertEquals(1, byFeed.path("success_count").asInt(), byFeed::toString);
        assertEquals(partnerIdentity, stored(intel, spoofed.id()).path("created_by_ref").asText());
    }

    // Grants and tokens

    @Test
    void writingWithoutAWriteGrantIs403WhenTheCollectionIsReadableAnd404Otherwise() {
        String envelope = Taxii.envelope(List.of(Stix.indicator("not allowed")));
        JsonNode e = assertTaxiiError(403, vigil.as(rita).post(Taxii.objects(intel), envelope));
        assertTrue(e.path("description").asText().contains("write"), e::toString);
        assertTaxiiError(403, vigil.as(walter).post(Taxii.objects(intel), envelope));
        Reply noGrant = vigil.as(nora).post(Taxii.objects(intel), envelope);
        Reply missing = vigil.as(nora).post(Taxii.objects(UUID.randomUUID()), envelope);
        assertTaxiiError(404, noGrant);
        assertTaxiiError(404, missing);
        assertEquals(missing.body().replaceAll("[0-9a-f-]{36}", "ID"),
                noGrant.body().replaceAll("[0-9a-f-]{36}", "ID"));
        assertFalse(vigil.as(rita).get(Taxii.collection(intel)).json().path("can_write").asBoolean());
        assertFalse(vigil.as(walter).get(Taxii.collection(intel)).json().path("can_write").asBoolean(),
                "a reader account cannot write, whatever its grants");
    }

    @Test
    void deletingWithoutAWriteGrantIs403WhenTheObjectIsVisibleAnd404Otherwise() {
        StixObject o = Stix.indicator("to keep");
        alice().add(intel, o);
        assertTaxiiError(403, vigil.as(rita).delete(Taxii.object(intel, o.id())));
        assertTaxiiError(404, vigil.as(nora).delete(Taxii.object(intel, o.id())));
        assertEquals(200, alice().get(Taxii.object(intel, o.id())).status(), "still there");
    }

    @Test
    void expiredOrRevokedTokensCannotWrite() {
        String envelope = Taxii.envelope(List.of(Stix.indicator("late")));
        String expired = vigil.token(alice, "--expires", "2021-06-01T00:00:00Z");
        assertTaxiiError(401, vigil.anonymous().bearer(expired).post(Taxii.objects(intel), envelope));
        String revoked = vigil.token(rita);
        String tokenId = vigil.cli("token", "list", "rita").ok().lines().filter(l -> l.contains("active"))
                .reduce((a, b) -> b).orElseThrow().split("\t")[0];
        vigil.cli("token", "revoke", tokenId).ok();
        assertTaxiiError(401, vigil.anonymous().bearer(revoked).post(Taxii.objects(intel), envelope));
        assertTaxiiError(401, vigil.anonymous().post(Taxii.objects(intel), envelope));
    }

    @Test
    void aTokenScopedToAnotherCollectionSeesAndWritesOnlyThatOne() {
        String scoped = vigil.token(alice, "--collections", "other");
        Taxii client = vigil.anonymous().bearer(scoped);
        String envelope = Taxii.envelope(List.of(Stix.indicator("scoped")));
        assertTaxiiError(404, client.get(Taxii.collection(intel)));
        assertTaxiiError(404, client.get(Taxii.objects(intel)));
        assertTaxiiError(404, client.post(Taxii.objects(intel), envelope));
        assertEquals(202, client.post(Taxii.objects(other), envelope).status());
        List<String> listed = new ArrayList<>();
        client.get(Taxii.collections()).json().path("collections").forEach(c -> listed.add(c.path("id").asText()));
        assertEquals(List.of(other.toString()), listed);
    }

    @Test
    void aWriterWhoMayNotReadIsToldWhyTheyGetNothingBack() {
        Taxii client = vigil.as(nora);
        StixObject o = Stix.indicator("dropped off");
        assertEquals(202, client.post(Taxii.objects(other), Taxii.envelope(List.of(o))).status());
        JsonNode c = client.get(Taxii.collection(other)).json();
        assertFalse(c.path("can_read").asBoolean());
        for (String path : List.of(Taxii.objects(other), Taxii.manifest(other), Taxii.object(other, o.id()))) {
            JsonNode e = assertTaxiiError(403, client.get(path));
            assertTrue(e.path("description").asText().contains("read grant"), e::toString);
        }
    }

    @Test
    void theCollectionsListSaysWhoMayWrite() {
        Map<Account, Boolean> canWrite = Map.of(alice, true, rita, false, walter, false, feed, true);
        canWrite.forEach((user, expected) -> {
            JsonNode c = vigil.as(user).get(Taxii.collection(intel)).json();
            assertEquals(expected, c.path("can_write").asBoolean(), user.name());
        });
    }
}
