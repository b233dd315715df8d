package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.app.TaxiiEndpointsContract.texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * The need-to-know table of docs/sharing-model.md over HTTP: for each marking level (TLP 2.0, TLP 1.0, OpenCTI's
 * AMBER+STRICT, none) and each kind of reader, exactly which objects each TAXII read endpoint returns, which
 * properties granular markings keep back, and that nothing (404s, more, next, Date-Added headers, versions,
 * manifests) betrays a hidden object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NeedToKnowContract {

    private TestVigil vigil;
    private UUID shared;
    private UUID open;
    private Account poster;

    /** The readers, by kind. Anonymous has no account. */
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    /** The objects, by name, as posted (in this order, in one envelope, to both collections). */
    private final Map<String, StixObject> objects = new LinkedHashMap<>();

    /** The date_added of each object, by name and collection, from the poster's manifest. */
    private final Map<UUID, Map<String, String>> dateAdded = new HashMap<>();

    abstract StoreKind store();

    @BeforeAll
    void postEveryMarkingToBothCollections(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Source", true);
        vigil.org("Partner", true);
        vigil.org("Elsewhere", true);
        vigil.org("Guests", false);
        poster = vigil.user("poster", "Source", "analyst");
        accounts.put("poster", poster);
        accounts.put("colleague", vigil.user("colleague", "Source", "reader"));
        accounts.put("admin", vigil.user("admin", "Source", "admin"));
        accounts.put("partner", vigil.user("partner", "Partner", "reader"));
        accounts.put("recipient", vigil.user("recipient", "Partner", "reader"));
        accounts.put("guest", vigil.user("guest", "Guests", "reader"));
        accounts.put("outsider", vigil.user("outsider", "Elsewhere", "reader"));
        shared = vigil.collection("Shared", "shared");
        open = vigil.collection("Open", "open");
        vigil.cli("collection", "set", "open", "--public", "--default-marking", "clear").ok();
        for (UUID c : List.of(shared, open)) {
            vigil.grant(c, poster, "write");
            for (String reader : List.of("poster", "colleague", "admin", "partner", "recipient", "guest")) {
                vigil.grant(c, accounts.get(reader), "read");
            }
        }
        vigil.start();

        String recipient = accounts.get("recipient").id().toString();
        object("clear", Stix.CLEAR);
        object("white (TLP 1.0)", Stix.WHITE_1);
        object("green", Stix.GREEN);
        object("green (TLP 1.0)", Stix.GREEN_1);
        object("amber", Stix.AMBER);
        object("amber (TLP 1.0)", Stix.AMBER_1);
        object("clear and amber", Stix.CLEAR, Stix.AMBER);
        object("unmarked");
        objects.put("clear, description green", Stix.granular(Stix.marked(Stix.indicator("clear, description green"),
                Stix.CLEAR), Stix.GREEN, "description"));
        objects.put("green, description red", Stix.granular(Stix.marked(Stix.indicator("green, description red"),
                Stix.GREEN), Stix.RED, "description"));
        objects.put("amber, description strict", Stix.granular(Stix.marked(
                Stix.indicator("amber, description strict"), Stix.AMBER), Stix.AMBER_STRICT, "description"));
        object("amber+strict", Stix.AMBER_STRICT);
        object("amber+strict (OpenCTI)", Stix.OPENCTI_AMBER_STRICT);
        objects.put("red, naming the recipient", Stix.redRecipients(Stix.marked(
                Stix.indicator("red, naming the recipient"), Stix.RED), Set.of(recipient)));
        object("red (TLP 1.0)", Stix.RED_1);
        object("green and red", Stix.GREEN, Stix.RED);

        for (UUID c : List.of(shared, open)) {
            Reply r = vigil.as(poster).add(c, List.copyOf(objects.values()));
            assertEquals(objects.size(), r.json().path("success_count").asInt(), r::toString);
            Map<String, String> dates = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            objects.forEach((name, o) -> names.put(o.id(), name));
            vigil.as(poster).get(Taxii.manifest(c)).json().path("objects").forEach(row ->
                    dates.put(names.get(row.path("id").asText()), row.path("date_added").asText()));
            assertEquals(objects.keySet(), dates.keySet(), "the poster sees all that they posted");
            dateAdded.put(c, dates);
        }
    }

    private void object(String name, String... markings) {
        StixObject o = Stix.indicator(name);
        objects.put(name, markings.length == 0 ? o : Stix.marked(o, markings));
    }

    @AfterAll
    void stopVigil() {
        vigil.close();
    }

    // What each reader may see, straight from the table in docs/sharing-model.md

    private static final Set<String> CLEAR = Set.of("clear", "white (TLP 1.0)", "clear, description green");
    private static final Set<String> GREEN = Set.of("green", "green (TLP 1.0)", "green, description red");
    private static final Set<String> AMBER = Set.of("amber", "amber (TLP 1.0)", "clear and amber",
            "amber, description strict");
    private static final Set<String> AMBER_STRICT = Set.of("amber+strict", "amber+strict (OpenCTI)");
    private static final Set<String> RED = Set.of("red, naming the recipient", "red (TLP 1.0)", "green and red");

    /** Who sees what among the readers of a collection whose default marking puts "unmarked" in {@code unmarked}. */
    private static Map<String, Set<String>> visibility(Set<String> unmarked, Set<String> levelOfUnmarked) {
        Function<List<Set<String>>, Set<String>> union = levels -> {
            Set<String> out = new LinkedHashSet<>();
            levels.forEach(out::addAll);
            if (levels.contains(levelOfUnmarked)) {
                out.addAll(unmarked);
            }
            return out;
        };
        Map<String, Set<String>> v = new LinkedHashMap<>();
        v.put("poster", union.apply(List.of(CLEAR, GREEN, AMBER, AMBER_STRICT, RED)));
        v.put("colleague", union.apply(List.of(CLEAR, GREEN, AMBER, AMBER_STRICT)));
        v.put("admin", union.apply(List.of(CLEAR, GREEN, AMBER, AMBER_STRICT)));
        v.put("partner", union.apply(List.of(CLEAR, GREEN, AMBER)));
        Set<String> recipient = union.apply(List.of(CLEAR, GREEN, AMBER));
        recipient.add("red, naming the recipient");
        v.put("recipient", recipient);
        v.put("guest", union.apply(List.of(CLEAR, AMBER)));
        return v;
    }

    /** In Shared (private, default AMBER), unmarked objects are AMBER; outsiders and anonymous see nothing. */
    private Map<String, Set<String>> sharedVisibility() {
        return visibility(Set.of("unmarked"), AMBER);
    }

    /**
     * In Open (public, default CLEAR), unmarked objects are CLEAR; readers without a grant read it as anonymous
     * readers do, and see only CLEAR.
     */
    private Map<String, Set<String>> openVisibility() {
        Map<String, Set<String>> v = visibility(Set.of("unmarked"), CLEAR);
        Set<String> clearOnly = new LinkedHashSet<>(CLEAR);
        clearOnly.add("unmarked");
        v.put("outsider", clearOnly);
        v.put("anonymous", clearOnly);
        return v;
    }

    /** Who gets which objects without their description, for want of clearance for its granular marking. */
    private static Set<String> withoutDescription(String reader) {
        return switch (reader) {
            case "poster" -> Set.of();
            case "colleague", "admin" -> Set.of("green, description red");
            case "partner", "recipient" -> Set.of("green, description red", "amber, description strict");
            case "guest" -> Set.of("clear, description green", "amber, description strict");
            case "outsider", "anonymous" -> Set.of("clear, description green");
            default -> throw new IllegalArgumentException(reader);
        };
    }

    // The endpoints

    private Taxii client(String reader) {
        return reader.equals("anonymous") ? vigil.anonymous() : vigil.as(accounts.get(reader));
    }

    /** The names of the objects in posting order, keeping those in {@code visible}. */
    private List<String> inOrder(Set<String> visible) {
        return objects.keySet().stream().filter(visible::contains).toList();
    }

    private String nameOf(String id) {
        return objects.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("an object nobody posted: " + id));
    }

    /** The object as this reader must get it: as posted (with its source filled in), less what they may not see. */
    private JsonNode expectedView(String reader, String name) {
        ObjectNode o = objects.get(name).with("created_by_ref", poster.organisationIdentity()).json();
        if (withoutDescription(reader).contains(name)) {
            o.remove("description");
        }
        return o;
    }

    @Test
    void objectsEndpointReturnsExactlyWhatEachReaderMaySeeAsTheyMaySeeIt() {
        check(shared, sharedVisibility(), this::assertObjects);
        check(open, openVisibility(), this::assertObjects);
    }

    @Test
    void manifestListsExactlyWhatEachReaderMaySee() {
        check(shared, sharedVisibility(), (c, reader, visible) -> {
            List<String> names = new ArrayList<>();
            for (Reply page : client(reader).allPages(Taxii.manifest(c), "limit", "4")) {
                assertEquals(200, page.status(), page::toString);
                page.ids().forEach(id -> names.add(nameOf(id)));
            }
            assertEquals(inOrder(visible), names, reader);
        });
        check(open, openVisibility(), (c, reader, visible) -> assertEquals(inOrder(visible),
                client(reader).get(Taxii.manifest(c)).ids().stream().map(this::nameOf).toList(), reader));
    }

    @Test
    void objectAndVersionsEndpointsServeVisibleObjectsAndAnswerHiddenOnesExactlyAsMissingOnes() {
        for (Map.Entry<UUID, Map<String, Set<String>>> e : Map.of(shared, sharedVisibility(), open,
                openVisibility()).entrySet()) {
            UUID c = e.getKey();
            e.getValue().forEach((reader, visible) -> {
                String missing = Stix.newId("indicator");
                Reply missingObject = client(reader).get(Taxii.object(c, missing));
                Reply missingVersions = client(reader).get(Taxii.versions(c, missing));
                assertEquals(404, missingObject.status(), missingObject::toString);
                for (String name : objects.keySet()) {
                    String id = objects.get(name).id();
                    Reply object = client(reader).get(Taxii.object(c, id));
                    Reply versions = client(reader).get(Taxii.versions(c, id));
                    if (visible.contains(name)) {
                        assertEquals(200, object.status(), () -> reader + " reads " + name + ": " + object);
                        assertEquals(expectedView(reader, name), object.json().path("objects").get(0), reader + name);
                        assertEquals(dateAdded.get(c).get(name),
                                object.header("X-TAXII-Date-Added-First").orElse(null));
                        assertEquals(List.of(Instant.parse(Stix.time(1))), texts(versions.json().path("versions"))
                                .stream().map(Instant::parse).toList(), reader + " versions of " + name);
                    } else {
                        assertSameAs(missingObject, object, missing, id, reader + " reads hidden " + name);
                        assertSameAs(missingVersions, versions, missing, id, reader + " lists versions of " + name);
                    }
                }
            });
        }
    }

    private static void assertSameAs(Reply missing, Reply hidden, String missingId, String hiddenId, String what) {
        assertEquals(missing.status(), hidden.status(), what);
        assertEquals(missing.body().replace(missingId, hiddenId), hidden.body(), what);
        Set<String> headers = new LinkedHashSet<>(hidden.headers().map().keySet());
        headers.remove("date");
        Set<String> missingHeaders = new LinkedHashSet<>(missing.headers().map().keySet());
        missingHeaders.remove("date");
        assertEquals(missingHeaders, headers, what);
    }

    @Test
    void collectionsListShowsEachReaderTheCollectionsTheyMayRead() {
        for (String reader : List.of("poster", "colleague", "admin", "partner", "recipient", "guest", "outsider",
                "anonymous")) {
            Reply r = client(reader).get(Taxii.collections());
            assertEquals(200, r.status(), r::toString);
            Map<String, Boolean> readable = new HashMap<>();
            r.json().path("collections").forEach(c -> readable.put(c.path("id").asText(), c.path("can_read")
                    .asBoolean()));
            assertEquals(!reader.equals("outsider") && !reader.equals("anonymous"),
                    readable.containsKey(shared.toString()), reader + " lists Shared");
            assertEquals(Boolean.TRUE, readable.get(open.toString()), reader + " lists and reads Open");
        }
    }

    @Test
    void readersWithoutAccessToAPrivateCollectionLearnNothingOfIt() {
        UUID missing = UUID.randomUUID();
        for (String suffix : List.of("", "objects/", "manifest/", "objects/" + objects.get("clear").id() + "/",
                "objects/" + objects.get("clear").id() + "/versions/")) {
            Reply hidden = client("outsider").get(Taxii.collection(shared) + suffix);
            assertSameAs(client("outsider").get(Taxii.collection(missing) + suffix), hidden, missing.toString(),
                    shared.toString(), "outsider on " + suffix);
            assertEquals(404, hidden.status());
            Reply anonymous = client("anonymous").get(Taxii.collection(shared) + suffix);
            assertSameAs(client("anonymous").get(Taxii.collection(missing) + suffix), anonymous, missing.toString(),
                    shared.toString(), "anonymous on " + suffix);
            assertEquals(401, anonymous.status());
        }
    }

    @Test
    void aPageWhoseRemainingObjectsAreAllHiddenSaysThereIsNoMore() {
        sharedVisibility().forEach((reader, visible) -> {
            List<String> names = inOrder(visible);
            Reply whole = client(reader).get(Taxii.objects(shared), "limit", Integer.toString(names.size()));
            assertFalse(whole.json().path("more").asBoolean(), () -> reader + ": " + whole);
            assertFalse(whole.json().has("next"), () -> reader + ": " + whole);
            assertEquals(dateAdded.get(shared).get(names.get(0)),
                    whole.header("X-TAXII-Date-Added-First").orElse(null));
            assertEquals(dateAdded.get(shared).get(names.get(names.size() - 1)),
                    whole.header("X-TAXII-Date-Added-Last").orElse(null), reader + ": the last visible, not the last");
            Reply allButOne = client(reader).get(Taxii.objects(shared), "limit", Integer.toString(names.size() - 1));
            assertTrue(allButOne.json().path("more").asBoolean(), reader);
            Reply rest = client(reader).get(Taxii.objects(shared), "next", allButOne.json().path("next").asText());
            assertEquals(List.of(objects.get(names.get(names.size() - 1)).id()), rest.ids(), reader);
            assertFalse(rest.json().path("more").asBoolean(), reader);
            Reply manifest = client(reader).get(Taxii.manifest(shared), "limit", Integer.toString(names.size()));
            assertFalse(manifest.json().path("more").asBoolean(), () -> reader + ": " + manifest);
        });
    }

    @Test
    void filtersNeverReachHiddenObjects() {
        String red = objects.get("red (TLP 1.0)").id();
        String strict = objects.get("amber+strict").id();
        Reply r = client("partner").get(Taxii.objects(shared), "match[id]", red + "," + strict);
        assertEquals(200, r.status(), r::toString);
        assertEquals(List.of(), r.ids());
        assertFalse(r.json().path("more").asBoolean());
        assertTrue(r.header("X-TAXII-Date-Added-First").isEmpty(), r::toString);
        Reply after = client("partner").get(Taxii.objects(shared), "added_after",
                dateAdded.get(shared).get("amber, description strict"));
        assertEquals(List.of(), after.ids(), "only hidden objects were added after it");
        assertTrue(after.header("X-TAXII-Date-Added-Last").isEmpty(), after::toString);
    }

    @Test
    void aWriterDeletesOnlyTheVersionsTheyMaySee() {
        UUID c = vigil.collection("Deletions", "deletions");
        Account coWriter = vigil.user("co-writer", "Source", "analyst");
        vigil.grant(c, poster, "write");
        vigil.grant(c, poster, "read");
        vigil.grant(c, coWriter, "write");
        vigil.grant(c, coWriter, "read");
        String withdrawn = Stix.newId("indicator");
        String released = Stix.newId("indicator");
        vigil.as(poster).add(c, Stix.marked(Stix.indicator(withdrawn, "shared first", 1), Stix.GREEN),
                Stix.marked(Stix.indicator(withdrawn, "then restricted", 2), Stix.RED),
                Stix.marked(Stix.indicator(released, "restricted first", 1), Stix.RED),
                Stix.marked(Stix.indicator(released, "then shared", 2), Stix.GREEN));
        Taxii writer = vigil.as(coWriter);
        assertEquals(404, writer.delete(Taxii.object(c, withdrawn), "match[version]", "all").status(),
                "an object whose newest version is hidden answers as a missing one");
        assertEquals(List.of(Instant.parse(Stix.time(2))), versionsOf(writer, c, released));
        assertEquals(404, writer.delete(Taxii.object(c, released), "match[version]", Stix.time(1)).status(),
                "a hidden version answers as a missing one");
        assertEquals(200, writer.delete(Taxii.object(c, released), "match[version]", "all").status());
        assertEquals(404, writer.get(Taxii.versions(c, released)).status());
        assertEquals(List.of(Instant.parse(Stix.time(1)), Instant.parse(Stix.time(2))),
                versionsOf(vigil.as(poster), c, withdrawn), "nothing of the withdrawn object was deleted");
        assertEquals(List.of(Instant.parse(Stix.time(1))), versionsOf(vigil.as(poster), c, released),
                "the version the writer could not see is still there");
    }

    /**
     * A source that raises an object's marking in a new version withdraws the object from those the new marking
     * excludes, earlier versions included; lowering it releases the new version only.
     */
    @Test
    void raisingAnObjectsMarkingWithdrawsItWholeAndLoweringItReleasesOnlyTheNewVersion() {
        UUID c = vigil.collection("Remarked", "remarked");
        vigil.grant(c, poster, "write");
        vigil.grant(c, poster, "read");
        vigil.grant(c, accounts.get("colleague"), "read");
        String restricted = Stix.newId("indicator");
        String released = Stix.newId("indicator");
        vigil.as(poster).add(c, Stix.marked(Stix.indicator(restricted, "shared, then restricted", 1), Stix.GREEN),
                Stix.marked(Stix.indicator(released, "restricted, then released", 1), Stix.RED),
                Stix.marked(Stix.indicator(restricted, "shared, then restricted", 2), Stix.RED),
                Stix.marked(Stix.indicator(released, "restricted, then released", 2), Stix.GREEN));
        Taxii colleague = client("colleague");
        Instant two = Instant.parse(Stix.time(2));
        assertEquals(404, colleague.get(Taxii.versions(c, restricted)).status());
        assertEquals(404, colleague.get(Taxii.object(c, restricted)).status());
        assertEquals(List.of(two), versionsOf(colleague, c, released));
        for (String match : List.of("last", "all", "first,last")) {
            assertEquals(List.of(Map.entry(released, two)), manifestOf(colleague, c, "match[version]", match),
                    "match[version]=" + match);
            Reply objects = colleague.get(Taxii.objects(c), "match[version]", match);
            assertEquals(List.of(released), objects.ids(), () -> "match[version]=" + match + ": " + objects);
        }
        assertEquals(List.of(), manifestOf(colleague, c, "match[version]", "first"), "the first version is RED");
        assertEquals(List.of(Map.entry(restricted, two), Map.entry(released, two)), manifestOf(vigil.as(poster), c),
                "the poster sees the newest versions");
    }

    private static List<Map.Entry<String, Instant>> manifestOf(Taxii reader, UUID c, String... params) {
        Reply r = reader.get(Taxii.manifest(c), params);
        assertEquals(200, r.status(), r::toString);
        List<Map.Entry<String, Instant>> rows = new ArrayList<>();
        r.json().path("objects").forEach(row -> rows.add(Map.entry(row.path("id").asText(),
                Instant.parse(row.path("version").asText()))));
        return rows;
    }

    private static List<Instant> versionsOf(Taxii reader, UUID c, String id) {
        Reply r = reader.get(Taxii.versions(c, id));
        assertEquals(200, r.status(), r::toString);
        return texts(r.json().path("versions")).stream().map(Instant::parse).toList();
    }

    @FunctionalInterface
    private interface ReaderCheck {
        void check(UUID collection, String reader, Set<String> visible);
    }

    private void check(UUID c, Map<String, Set<String>> visibility, ReaderCheck check) {
        visibility.forEach((reader, visible) -> check.check(c, reader, visible));
    }

    private void assertObjects(UUID c, String reader, Set<String> visible) {
        List<Reply> pages = client(reader).allPages(Taxii.objects(c), "limit", "4");
        List<String> names = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Reply page = pages.get(p);
            assertEquals(200, page.status(), page::toString);
            List<String> ids = page.ids();
            assertFalse(ids.isEmpty() && !visible.isEmpty(), () -> reader + " got an empty page: " + page);
            assertEquals(p < pages.size() - 1, page.json().path("more").asBoolean(), page::toString);
            for (JsonNode o : page.json().path("objects")) {
                String name = nameOf(o.path("id").asText());
                assertEquals(expectedView(reader, name), o, reader + " reads " + name);
                names.add(name);
            }
            assertEquals(dateAdded.get(c).get(nameOf(ids.get(0))), page.header("X-TAXII-Date-Added-First")
                    .orElse(null), reader);
            assertEquals(dateAdded.get(c).get(nameOf(ids.get(ids.size() - 1))), page.header("X-TAXII-Date-Added-Last")
                    .orElse(null), reader);
        }
        assertEquals(inOrder(visible), names, reader + " in " + (c.equals(shared) ? "Shared" : "Open"));
    }
}
