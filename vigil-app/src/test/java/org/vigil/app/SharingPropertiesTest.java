package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.vigil.access.RedRecipients;
import org.vigil.access.Tokens;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiToken;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.TokenScope;
import org.vigil.store.User;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiClient;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;

/**
 * Random organisations, users, collections, grants and marked objects are posted through TAXII and read back
 * through every read endpoint by every user and anonymously. What comes back must be exactly what an oracle,
 * written straight from the table in docs/sharing-model.md and independent of Vigil's policy code, allows:
 * object by object, and property by property where granular markings apply.
 */
class SharingPropertiesTest {

    /** The marking-definition ids of the sharing notes, with the level each stands for (the oracle's own table). */
    private static final Map<String, Integer> LEVELS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", 0,
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", 0,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", 1,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", 1,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", 2,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", 2,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", 3,
            "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", 3,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", 4,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", 4);
    private static final List<String> MARKING_IDS = List.copyOf(new TreeSet<>(LEVELS.keySet()));

    record PersonSpec(int org, Role role) {
    }

    record CollectionSpec(boolean isPublic, int defaultLevel) {
    }

    /** One object: who posts it where, its object markings, RED recipients and a granular marking on description. */
    record ObjectSpec(int poster, int collection, List<Integer> markings, List<Integer> recipients, Integer granular) {
    }

    record World(List<Boolean> orgMembers, List<PersonSpec> people, List<CollectionSpec> collections,
                 boolean[][] read, boolean[][] write, List<ObjectSpec> objects) {
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<List<Boolean>> orgs = Arbitraries.of(true, false).list().ofMinSize(2).ofMaxSize(3);
        return orgs.flatMap(members -> {
            Arbitrary<List<PersonSpec>> people = Combinators.combine(Arbitraries.integers().between(0, members.size() - 1),
                    Arbitraries.of(Role.ANALYST, Role.READER, Role.ADMIN, Role.FEDERATION)).as(PersonSpec::new)
                    .list().ofMinSize(3).ofMaxSize(5);
            Arbitrary<List<CollectionSpec>> collections = Combinators.combine(Arbitraries.of(true, false),
                    Arbitraries.integers().between(0, 4)).as(CollectionSpec::new).list().ofMinSize(1).ofMaxSize(2);
            return Combinators.combine(people, collections).flatAs((ps, cs) -> grantsAndObjects(members, ps, cs));
        });
    }

    private Arbitrary<World> grantsAndObjects(List<Boolean> members, List<PersonSpec> people, List<CollectionSpec> cols) {
        int n = people.size() * cols.size();
        Arbitrary<List<Boolean>> reads = Arbitraries.of(true, false).list().ofSize(n);
        Arbitrary<List<Boolean>> writes = Arbitraries.of(true, false).list().ofSize(n);
        Arbitrary<ObjectSpec> object = Combinators.combine(
                Arbitraries.integers().between(0, people.size() - 1),
                Arbitraries.integers().between(0, cols.size() - 1),
                Arbitraries.integers().between(0, MARKING_IDS.size() - 1).list().ofMaxSize(2),
                Arbitraries.integers().between(0, people.size() - 1).list().ofMaxSize(2),
                Arbitraries.integers().between(0, MARKING_IDS.size() - 1).injectNull(0.5)).as(ObjectSpec::new);
        return Combinators.combine(reads, writes, object.list().ofMinSize(3).ofMaxSize(8)).as((r, w, objs) -> {
            boolean[][] read = new boolean[people.size()][cols.size()];
            boolean[][] write = new boolean[people.size()][cols.size()];
            for (int u = 0; u < people.size(); u++) {
                for (int c = 0; c < cols.size(); c++) {
                    read[u][c] = r.get(u * cols.size() + c);
                    write[u][c] = w.get(u * cols.size() + c);
                }
            }
            return new World(members, people, cols, read, write, objs);
        });
    }

    @Property(tries = 25)
    void everyReaderSeesExactlyWhatTheSharingTableAllows(@ForAll("worlds") World world) throws Exception {
        Path data = Files.createTempDirectory("vigil-sharing-");
        try (Installation hub = Installation.open(Settings.load(Map.of(), Map.of("data", data.toString())))) {
            Built b = build(hub, world);
            TaxiiConfig config = new TaxiiConfig("127.0.0.1", 0, "test", null, null, null, 1000, hub.tokenKey());
            try (TaxiiServer server = TaxiiServer.start(new Hub(hub.authenticator, hub.reads, hub.writes), config,
                    hub.apiModules())) {
                URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
                List<Posted> posted = post(base, b, world);
                for (int u = -1; u < world.people().size(); u++) {
                    TaxiiClient client = u < 0 ? TaxiiClient.anonymous(base) : TaxiiClient.bearer(base, b.tokens.get(u));
                    for (int c = 0; c < world.collections().size(); c++) {
                        checkReader(client, world, b, posted, u, c);
                    }
                    checkUiApi(base, world, b, posted, u);
                }
            }
        } finally {
            ServeCommand.deleteTree(data);
        }
    }

    /** What the test made: ids of users, organisations and collections, and a token per user. */
    private record Built(List<User> users, List<Organisation> orgs, List<Collection> collections, List<String> tokens) {
    }

    private static Built build(Installation hub, World w) {
        List<Organisation> orgs = new ArrayList<>();
        for (int i = 0; i < w.orgMembers().size(); i++) {
            orgs.add(hub.addOrganisation("org" + i, w.orgMembers().get(i)));
        }
        List<User> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < w.people().size(); i++) {
            User u = new User(UUID.randomUUID(), "user" + i, orgs.get(w.people().get(i).org()).id(),
                    w.people().get(i).role(), null);
            hub.store.putUser(u);
            String token = Tokens.generate();
            hub.store.addToken(new ApiToken(UUID.randomUUID(), u.id(), Tokens.hash(token), TokenScope.all(), null,
                    false, Instant.now()));
            users.add(u);
            tokens.add(token);
        }
        List<Collection> cols = new ArrayList<>();
        for (int c = 0; c < w.collections().size(); c++) {
            CollectionSpec spec = w.collections().get(c);
            Collection col = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "c" + c)
                    .withPublic(spec.isPublic()).withDefaultMarking(Tlp.values()[spec.defaultLevel()]);
            hub.store.putCollection(col);
            cols.add(col);
            for (int u = 0; u < users.size(); u++) {
                if (w.read()[u][c] || w.write()[u][c]) {
                    hub.store.putGrant(new Grant(users.get(u).id(), col.id(), w.read()[u][c], w.write()[u][c]));
                }
            }
        }
        return new Built(users, orgs, cols, tokens);
    }

    /** An object the hub accepted: where, from whom, and with which markings. */
    private record Posted(String id, ObjectSpec spec) {
    }

    private static List<Posted> post(URI base, Built b, World w) {
        List<Posted> out = new ArrayList<>();
        for (int i = 0; i < w.objects().size(); i++) {
            ObjectSpec spec = w.objects().get(i);
            boolean canWrite = w.write()[spec.poster()][spec.collection()] && w.people().get(spec.poster()).role() != Role.READER;
            String id = "indicator--" + UUID.randomUUID();
            StixObject o = indicator(id, spec, b);
            JsonNode status = TaxiiClient.bearer(base, b.tokens.get(spec.poster()))
                    .add("api1/collections/" + b.collections.get(spec.collection()).id() + "/objects/", List.of(o))
                    .body();
            if (canWrite) {
                assertEquals(1, status.path("success_count").asInt(), status.toString());
                out.add(new Posted(id, spec));
            }
        }
        return out;
    }

    private static StixObject indicator(String id, ObjectSpec spec, Built b) {
        StixObject.Builder o = StixObject.builder("indicator", id)
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", "2024-01-01T00:00:00.000Z")
                .put("name", "n").put("description", "secret").put("pattern", "[ipv4-addr:value = '10.0.0.1']")
                .put("pattern_type", "stix").put("valid_from", "2024-01-01T00:00:00Z")
                .put("object_marking_refs", spec.markings().stream().map(MARKING_IDS::get).distinct().toList());
        if (spec.granular() != null) {
            o.put("granular_markings", org.vigil.stix.StixJson.parse("{\"type\":\"x\",\"g\":[{\"marking_ref\":\""
                    + MARKING_IDS.get(spec.granular()) + "\",\"selectors\":[\"description\"]}]}").property("g").get());
        }
        if (!spec.recipients().isEmpty()) {
            Set<String> ids = new TreeSet<>();
            spec.recipients().forEach(r -> ids.add(b.users.get(r).id().toString()));
            o.put("extensions", org.vigil.stix.StixJson.parse("{\"type\":\"x\",\"e\":{\"" + RedRecipients.EXTENSION_ID
                    + "\":" + RedRecipients.entry(ids) + "}}").property("e").get());
        }
        return o.build();
    }

    // The oracle, from the table: who may read content at a level, among the collection's readers.

    private static boolean oracleMay(World w, Built b, int reader, int level, Posted p) {
        if (reader < 0) {
            return level == 0;
        }
        PersonSpec r = w.people().get(reader);
        PersonSpec poster = w.people().get(p.spec().poster());
        return switch (level) {
            case 0 -> true;
            case 1 -> w.orgMembers().get(r.org());
            case 2 -> true;
            // A federation account relays what it posts without making itself the source, so an object it posted
            // without created_by_ref has no source organisation for AMBER+STRICT to reach.
            case 3 -> r.org() == poster.org() && poster.role() != Role.FEDERATION;
            default -> reader == p.spec().poster() || p.spec().recipients().contains(reader);
        };
    }

    /** What the oracle expects one reader to get from one collection: id → whether description is there. */
    private static Map<String, Boolean> expected(World w, Built b, List<Posted> posted, int reader, int c) {
        Map<String, Boolean> out = new TreeMap<>();
        boolean granted = reader >= 0 && w.read()[reader][c];
        if (!granted && !w.collections().get(c).isPublic()) {
            return out;
        }
        int as = granted ? reader : -1;
        for (Posted p : posted) {
            if (p.spec().collection() != c) {
                continue;
            }
            int level = p.spec().markings().isEmpty() ? w.collections().get(c).defaultLevel()
                    : p.spec().markings().stream().map(m -> LEVELS.get(MARKING_IDS.get(m))).max(Integer::compare).get();
            if (oracleMay(w, b, as, level, p)) {
                boolean description = p.spec().granular() == null
                        || oracleMay(w, b, as, LEVELS.get(MARKING_IDS.get(p.spec().granular())), p);
                out.put(p.id(), description);
            }
        }
        return out;
    }

    private static void checkReader(TaxiiClient client, World w, Built b, List<Posted> posted, int reader, int c) {
        Map<String, Boolean> expected = expected(w, b, posted, reader, c);
        String col = "api1/collections/" + b.collections.get(c).id() + "/";
        String who = (reader < 0 ? "anonymous" : "user" + reader) + " on c" + c;
        boolean isPublic = w.collections().get(c).isPublic();
        boolean readable = isPublic || reader >= 0 && w.read()[reader][c];
        // A collection the user may only write to is in their list, so reading it is refused openly (403).
        boolean writable = reader >= 0 && w.write()[reader][c] && w.people().get(reader).role() != Role.READER;
        TaxiiClient.Response listing = client.get(col + "objects/", Map.of("limit", "2"));
        if (!readable) {
            assertEquals(reader < 0 ? 401 : writable ? 403 : 404, listing.status(), who);
            return;
        }
        assertEquals(expected, readAllPages(client, col + "objects/", listing), who + ": objects");
        assertEquals(expected.keySet(), manifestIds(client, col), who + ": manifest");
        for (Posted p : posted) {
            if (p.spec().collection() != c) {
                continue;
            }
            int status = client.get(col + "objects/" + p.id() + "/").status();
            int versions = client.get(col + "objects/" + p.id() + "/versions/").status();
            int hidden = 404;
            assertEquals(expected.containsKey(p.id()) ? 200 : hidden, status, who + ": object " + p.id());
            assertEquals(expected.containsKey(p.id()) ? 200 : hidden, versions, who + ": versions " + p.id());
        }
    }

    /**
     * The UI's data calls as one more egress: search finds exactly the objects TAXII shows the reader across the
     * collections they read, finds by a granularly marked property only where they may see it, and the object
     * view answers 404 for the rest, exactly as for a missing object.
     */
    private static void checkUiApi(URI base, World w, Built b, List<Posted> posted, int reader) throws Exception {
        Map<String, Boolean> visible = new TreeMap<>();
        for (int c = 0; c < w.collections().size(); c++) {
            visible.putAll(expected(w, b, posted, reader, c));
        }
        String who = reader < 0 ? "anonymous" : "user" + reader;
        String token = reader < 0 ? null : b.tokens.get(reader);
        assertEquals(visible.keySet(), searchIds(base, token, "q=ipv4&type=indicator&limit=100"), who + ": search");
        // A granularly marked property is left out of the index altogether (it cannot be indexed per reader), so
        // only objects without granular markings are found by their description.
        Set<String> described = new TreeSet<>();
        for (Posted p : posted) {
            if (visible.getOrDefault(p.id(), false) && p.spec().granular() == null) {
                described.add(p.id());
            }
        }
        assertEquals(described, searchIds(base, token, "q=secret&limit=100"), who + ": search by description");
        for (Posted p : posted) {
            java.net.http.HttpResponse<String> r = apiGet(base, token, "api/v1/objects/" + p.id());
            assertEquals(visible.containsKey(p.id()) ? 200 : 404, r.statusCode(), who + ": object view " + p.id());
            if (r.statusCode() == 200) {
                assertEquals(visible.get(p.id()), JSON.readTree(r.body()).path("object").has("description"),
                        who + ": description in the object view of " + p.id());
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Set<String> searchIds(URI base, String token, String query) throws Exception {
        java.net.http.HttpResponse<String> r = apiGet(base, token, "api/v1/search?" + query);
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new TreeSet<>();
        JSON.readTree(r.body()).path("results").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static java.net.http.HttpResponse<String> apiGet(URI base, String token, String path) throws Exception {
        java.net.http.HttpRequest.Builder req = java.net.http.HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json");
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newHttpClient().send(req.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** Follows next tokens with pages of two, checking that more is true exactly when visible objects follow. */
    private static Map<String, Boolean> readAllPages(TaxiiClient client, String path, TaxiiClient.Response first) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        JsonNode page = first.expect(200);
        while (true) {
            for (JsonNode o : page.path("objects")) {
                Boolean before = seen.put(o.path("id").asText(), o.has("description"));
                assertEquals(null, before, "object repeated across pages: " + o.path("id").asText());
            }
            if (!page.path("more").asBoolean()) {
                break;
            }
            assertEquals(true, page.path("objects").size() > 0, "more=true on an empty page reveals hidden objects");
            page = client.get(path, Map.of("limit", "2", "next", page.path("next").asText())).expect(200);
        }
        return new TreeMap<>(seen);
    }

    private static Set<String> manifestIds(TaxiiClient client, String col) {
        Set<String> ids = new TreeSet<>();
        Map<String, String> q = new HashMap<>(Map.of("limit", "2"));
        while (true) {
            JsonNode page = client.get(col + "manifest/", q).expect(200);
            page.path("objects").forEach(o -> ids.add(o.path("id").asText()));
            if (!page.path("more").asBoolean()) {
                return ids;
            }
            q.put("next", page.path("next").asText());
        }
    }
}
