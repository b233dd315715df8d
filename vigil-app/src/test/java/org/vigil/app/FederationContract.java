package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.federation.FederationProvenance;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * Federation between two Vigil hubs over real HTTP on loopback: a pull brings the remote's valid objects and
 * versions exactly once with their markings and sources, a ceiling keeps RED and AMBER+STRICT out and counts
 * them, a push sends only what the feed's account may see, and organisations may sign with identities they claim.
 */
abstract class FederationContract {

    private TestVigil remote;
    private TestVigil local;
    private Account pat;
    private Account remoteRelay;
    private Account relay;
    private UUID remoteIntel;
    private UUID partners;

    abstract StoreKind store();

    @BeforeEach
    void twoHubs(@TempDir Path dir) {
        remote = TestVigil.create(store(), dir.resolve("remote"));
        remote.org("Partner", true);
        pat = remote.user("pat", "Partner", "analyst");
        remoteRelay = remote.user("remote-relay", "Partner", "federation");
        remoteIntel = remote.collection("Partner intel", "intel");
        remote.grant(remoteIntel, pat, "read");
        remote.grant(remoteIntel, pat, "write");
        remote.grant(remoteIntel, remoteRelay, "read");
        remote.grant(remoteIntel, remoteRelay, "write");
        remote.start();

        local = TestVigil.create(store(), dir.resolve("local"));
        local.org("Hub", true);
        relay = local.user("relay", "Hub", "federation");
        partners = local.collection("Partners", "partners");
        local.start();
    }

    @AfterEach
    void close() {
        local.close();
        remote.close();
    }

    private String remoteCollectionUrl(TestVigil hub, UUID collection) {
        return hub.base() + "/api1/collections/" + collection + "/";
    }

    /** {@code vigil feed add NAME ... --into partners --as relay}, presenting the remote account's token. */
    private void pullFeed(String name, Account remoteAccount, String... options) {
        List<String> args = new ArrayList<>(List.of("feed", "add", name, "--url",
                remoteCollectionUrl(remote, remoteIntel), "--into", "partners", "--as", "relay"));
        args.addAll(List.of(options));
        local.cliWithInput(remoteAccount.token() + "\n", args.toArray(String[]::new)).ok();
    }

    /** Every version a hub holds in a collection, as {id -> set of modified}, read over TAXII by {@code reader}. */
    private static Map<String, Set<String>> versions(TestVigil hub, Account reader, UUID collection) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Reply page : hub.as(reader).allPages(Taxii.objects(collection), "match[version]", "all", "limit", "50")) {
            assertEquals(200, page.status(), page::toString);
            page.json().path("objects").forEach(o -> out.computeIfAbsent(o.path("id").asText(), k -> new TreeSet<>())
                    .add(o.path("modified").asText(o.path("id").asText())));
        }
        return out;
    }

    private static Map<String, JsonNode> objects(TestVigil hub, Account reader, UUID collection) {
        Map<String, JsonNode> out = new HashMap<>();
        for (Reply page : hub.as(reader).allPages(Taxii.objects(collection))) {
            page.json().path("objects").forEach(o -> out.put(o.path("id").asText(), o));
        }
        return out;
    }

    @Test
    void pullBringsEveryVersionOnceKeepingSourcesAndRecordingProvenance() {
        String sharedId = Stix.newId("indicator");
        List<StixObject> first = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            first.add(Stix.indicator("first batch " + i));
        }
        first.add(Stix.indicator(sharedId, "shared", 1));
        assertEquals(202, remote.as(pat).add(remoteIntel, first).status());
        StixObject unsigned = Stix.indicator("relayed without a source");
        assertEquals(202, remote.as(remoteRelay).add(remoteIntel, unsigned).status());
        assertEquals(202, remote.as(pat).add(remoteIntel, Stix.indicator(sharedId, "shared, revised", 2)).status());

        pullFeed("partner", pat, "--every", "PT5M");
        local.grant(partners, relay, "read");
        assertEquals(0, local.cli("feed", "sync", "partner").code());
        Map<String, Set<String>> held = versions(local, relay, partners);
        assertEquals(versions(remote, pat, remoteIntel), held);
        assertEquals(2, held.get(sharedId).size(), "two versions of one id stay two versions");

        Map<String, JsonNode> pulled = objects(local, relay, partners);
        assertFalse(pulled.get(unsigned.id()).has("created_by_ref"), "a missing created_by_ref stays missing");
        assertEquals(pat.organisationIdentity(), pulled.get(sharedId).path("created_by_ref").asText());
        assertEquals("partner", FederationProvenance.feed(StixJson.parse(pulled.get(sharedId).toString())));
        assertEquals(remoteCollectionUrl(remote, remoteIntel), pulled.get(sharedId).path("extensions")
                .path(FederationProvenance.EXTENSION_ID).path("remote_url").asText());

        String again = local.cli("feed", "sync", "partner").ok();
        assertTrue(again.contains(" 0 stored"), again);
        assertEquals(202, remote.as(pat).add(remoteIntel, Stix.indicator(sharedId, "shared, third", 3),
                Stix.indicator("late")).status());
        String third = local.cli("feed", "sync", "partner").ok();
        assertTrue(third.contains(" 2 stored"), third);
        assertEquals(versions(remote, pat, remoteIntel), versions(local, relay, partners));
        String list = local.cli("feed", "list").ok();
        assertTrue(list.contains("stored 125") && list.contains("every PT5M") && !list.contains(pat.token()), list);
    }

    @Test
    void aCeilingOfAmberRefusesRedAndAmberStrictAndCountsThem() {
        assertEquals(202, remote.as(pat).add(remoteIntel, Stix.marked(Stix.indicator("clear"), Stix.CLEAR),
                Stix.marked(Stix.indicator("amber"), Stix.AMBER),
                Stix.marked(Stix.indicator("strict"), Stix.AMBER_STRICT),
                Stix.marked(Stix.indicator("red"), Stix.RED),
                Stix.marked(Stix.indicator("red 1.0"), Stix.RED_1)).status());
        pullFeed("capped", pat, "--ceiling", "amber");
        String sync = local.cli("feed", "sync", "capped").ok();
        assertTrue(sync.contains("2 stored") && sync.contains("3 above the ceiling"), sync);
        local.grant(partners, relay, "read");
        Set<String> names = new TreeSet<>();
        objects(local, relay, partners).values().forEach(o -> names.add(o.path("name").asText()));
        assertEquals(Set.of("clear", "amber"), names);
        assertTrue(local.cli("feed", "list").ok().contains("above ceiling 3"));
    }

    @Test
    void invalidObjectsFromTheRemoteAreRefusedCountedAndDoNotStopTheFeed() {
        // The remote's own write path would refuse it, so the bad object is written to the remote's store as an
        // import, the way a server with a weaker validator would hold it.
        StixObject bad = Stix.indicator("no pattern").without("pattern");
        remote.hub().store.add(remoteIntel, List.of(bad));
        assertEquals(202, remote.as(pat).add(remoteIntel, Stix.indicator("good")).status());
        pullFeed("lenient", pat);
        String sync = local.cli("feed", "sync", "lenient").ok();
        assertTrue(sync.contains("1 stored") && sync.contains("1 refused"), sync);
    }

    @Test
    void aPushSendsOnlyWhatTheFeedsAccountMaySee() {
        local.org("Agency", true);
        Account ann = local.user("ann", "Agency", "analyst");
        UUID mixed = local.collection("Mixed", "mixed");
        local.grant(mixed, ann, "write");
        local.grant(mixed, ann, "read");
        local.grant(mixed, relay, "read");
        assertEquals(202, local.as(ann).add(mixed, Stix.marked(Stix.indicator("clear"), Stix.CLEAR),
                Stix.marked(Stix.indicator("green"), Stix.GREEN), Stix.marked(Stix.indicator("amber"), Stix.AMBER),
                Stix.marked(Stix.indicator("strict"), Stix.AMBER_STRICT),
                Stix.marked(Stix.indicator("red"), Stix.RED)).status());
        String url = remoteCollectionUrl(remote, remoteIntel);
        local.cliWithInput(remoteRelay.token() + "\n", "feed", "push", "out", "--from", "mixed", "--url", url,
                "--as", "relay").ok();
        String sync = local.cli("feed", "sync", "out").ok();
        assertTrue(sync.contains("3 stored"), sync);
        Set<String> names = new TreeSet<>();
        objects(remote, remoteRelay, remoteIntel).values().forEach(o -> names.add(o.path("name").asText()));
        assertEquals(Set.of("clear", "green", "amber"), names);
        assertTrue(local.cli("feed", "sync", "out").ok().contains(" 0 stored"), "the cursor moved past what was sent");
    }

    @Test
    void organisationsSignWithIdentitiesTheyClaimAndNoTwoClaimOne() {
        String own = "identity--" + UUID.randomUUID();
        local.org("Agency", true);
        Account ann = local.user("ann", "Agency", "analyst");
        UUID mixed = local.collection("Mixed", "mixed");
        local.grant(mixed, ann, "write");
        StixObject signed = Stix.indicator("signed as of old").with("created_by_ref", own);
        assertEquals(0, local.as(ann).add(mixed, signed).json().path("success_count").asInt());
        local.cli("org", "set", "Agency", "--identity", own).ok();
        assertEquals(1, local.as(ann).add(mixed, signed).json().path("success_count").asInt());
        // AMBER+STRICT reaches the organisation whose identity signed it, a claimed one included, and nobody else.
        StixObject strict = Stix.marked(Stix.indicator("strict, signed as of old"), Stix.AMBER_STRICT)
                .with("created_by_ref", own);
        assertEquals(1, local.as(ann).add(mixed, strict).json().path("success_count").asInt());
        Account amy = local.user("amy", "Agency", "reader");
        local.grant(mixed, amy, "read");
        local.grant(mixed, relay, "read");
        assertEquals(200, local.as(amy).get(Taxii.object(mixed, strict.id())).status());
        assertTrue(local.as(amy).get(Taxii.objects(mixed)).ids().contains(strict.id()));
        assertEquals(404, local.as(relay).get(Taxii.object(mixed, strict.id())).status());
        TestVigil.Run taken = local.cli("org", "add", "Copycat", "--identity", own);
        assertNotEquals(0, taken.code());
        assertTrue(taken.err().contains("Agency"), taken.err());
        assertTrue(local.hub().store.organisationByName("Copycat").isEmpty(), "a refused claim makes no organisation");
        assertNotEquals(0, local.cli("org", "set", "Hub", "--identity", own).code());
    }
}
