package org.vigil.app;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import org.vigil.taxii.TaxiiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench ui}: how fast the UI's data calls answer (search and the object view) on a generated hub of
 * reports written in a small vocabulary, a fifth of them AMBER+STRICT from another organisation, timed over HTTP.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Latency of the UI's search and object view on generated reports.")
final class UiBench implements Callable<Integer> {

    private static final List<String> WORDS = words();

    /** Places every report also names one of, so that a place filter has many matches to narrow. */
    private static final List<String> PLACES = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "location--"
            + UUID.nameUUIDFromBytes(("bench place " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .toList();

    @Option(names = "--objects", description = "Reports to generate (default: ${DEFAULT-VALUE}).")
    int objects = 100_000;

    @Option(names = "--runs", description = "Timed requests per case (default: ${DEFAULT-VALUE}).")
    int runs = 30;

    @Option(names = "--seed", description = "Seed of the generated text (default: ${DEFAULT-VALUE}).")
    long seed = 11;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "Use this store instead of a fresh SQLite file.")
    String storeUrl;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        try (BenchInstallation bench = BenchInstallation.open(storeUrl)) {
            Installation hub = bench.hub;
            Organisation org = hub.addOrganisation("Bench", true);
            Organisation other = hub.addOrganisation("Other", true);
            User user = user(hub, "bench", org);
            User stranger = user(hub, "stranger", other);
            Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench");
            hub.store.putCollection(c);
            hub.store.putGrant(new Grant(user.id(), c.id(), true, true));
            hub.store.putGrant(new Grant(stranger.id(), c.id(), true, true));
            List<String> ids = generate(hub, Principal.of(user, org), Principal.of(stranger, other),
                    new CollectionView(c, true, true, false));
            try (TaxiiServer server = bench.serve()) {
                String base = "http://127.0.0.1:" + server.port() + "/api/v1";
                time("search, a common word", base + "/search?q=" + WORDS.get(0) + "&limit=20");
                // The rarest word the generator writes (about one word in 43,000); the last of the list never comes up.
                time("search, a rare word", base + "/search?q=" + WORDS.get(WORDS.size() - 2) + "&limit=20");
                time("search, two word prefixes", base + "/search?q=" + WORDS.get(3).substring(0, 3) + "+"
                        + WORDS.get(7).substring(0, 3) + "&limit=20");
                time("search, a word, type and marking", base + "/search?q=" + WORDS.get(1)
                        + "&type=report&marking=green&limit=20");
                time("search, a common word and a place (1 in 20 reports)", base + "/search?q=" + WORDS.get(0)
                        + "&place=" + PLACES.get(0) + "&limit=20");
                time("search, a common word and a place of one report", base + "/search?q=" + WORDS.get(0)
                        + "&place=" + ids.get(ids.size() / 2).replace("report--", "location--") + "&limit=20");
                time("search, a common word and a source", base + "/search?q=" + WORDS.get(0) + "&source="
                        + org.identityId() + "&limit=20");
                time("object view, one report", base + "/objects/" + ids.get(ids.size() / 2));
                time("graph step, one report", base + "/objects/" + ids.get(ids.size() / 2) + "/neighbours");
                time("TAXII, the same report", "http://127.0.0.1:" + server.port() + "/" + Installation.API_ROOT
                        + "/collections/" + c.id() + "/objects/" + ids.get(ids.size() / 2) + "/");
            }
        }
        return 0;
    }

    private static User user(Installation hub, String name, Organisation org) {
        User u = new User(UUID.randomUUID(), name, org.id(), Role.ANALYST, Passwords.hash(name.toCharArray()));
        hub.store.putUser(u);
        return u;
    }

    /** Reports of twelve words each, word frequencies falling off like a language's (Zipf). */
    private List<String> generate(Installation hub, Principal p, Principal stranger, CollectionView c) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        List<WritePath.Item> mine = new ArrayList<>();
        List<WritePath.Item> theirs = new ArrayList<>();
        List<Tlp> levels = List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
        LocalDate last = LocalDate.of(2014, 2, 23);
        long start = System.nanoTime();
        try (Progress progress = Progress.start("generating reports", objects, false)) {
            for (int i = 0; i < objects; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 12; w++) {
                    text.append(WORDS.get((int) Math.min(WORDS.size() - 1,
                            Math.floor(Math.pow(WORDS.size(), random.nextDouble())) - 1))).append(' ');
                }
                String at = last.minusDays(random.nextInt(465)) + "T12:00:00.000Z";
                boolean strict = i % 5 == 4;
                String id = "report--" + UUID.randomUUID();
                StixObject r = StixObject.builder("report", id).put("created", at).put("modified", at)
                        .put("name", "Report " + i).put("published", at).put("description", text.toString().trim())
                        .put("report_types", List.of("threat-report")).put("object_refs", List.of(id.replace("report--",
                                "location--"), PLACES.get(random.nextInt(PLACES.size()))))
                        .put("created_by_ref", (strict ? stranger : p).organisationIdentity())
                        .put("object_marking_refs", List.of((strict ? Tlp.AMBER_STRICT : levels.get(random.nextInt(3)))
                                .markingId())).build();
                (strict ? theirs : mine).add(WritePath.Item.of(r));
                if (!strict) {
                    ids.add(id);
                }
                if (mine.size() + theirs.size() >= 1000) {
                    flush(hub, p, stranger, c, mine, theirs);
                    progress.update(i + 1, "");
                }
            }
            flush(hub, p, stranger, c, mine, theirs);
        }
        out.printf("%,d reports (%s), a fifth AMBER+STRICT from another organisation, posted through the write path "
                        + "at %,.0f objects/s (search index included)%n", objects,
                storeUrl == null ? "SQLite" : storeUrl, objects / ((System.nanoTime() - start) / 1e9));
        return ids;
    }

    private static void flush(Installation hub, Principal p, Principal stranger, CollectionView c,
                              List<WritePath.Item> mine, List<WritePath.Item> theirs) {
        if (!mine.isEmpty()) {
            hub.writes.add(p, c, mine, "vigil bench ui");
        }
        if (!theirs.isEmpty()) {
            hub.writes.add(stranger, c, theirs, "vigil bench ui");
        }
        mine.clear();
        theirs.clear();
    }

    private void time(String label, String url) throws Exception {
        HttpLatency.time(out, label, url, "bench", "bench", runs);
    }

    /** A made-up vocabulary of 5,000 pronounceable words, most common first. */
    private static List<String> words() {
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "da", "fe", "go", "hu", "ji"};
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < 5_000; i++) {
            StringBuilder w = new StringBuilder();
            for (int n = i + 14 * 14; n > 0; n /= syllables.length) {
                w.append(syllables[n % syllables.length]);
            }
            out.add(w.toString());
        }
        return out;
    }
}
