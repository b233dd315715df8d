package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.stix.BundleReader;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import org.vigil.taxii.TaxiiClient;
import org.vigil.taxii.TaxiiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil bench taxii}: posts a bundle into a fresh hub over TAXII on loopback, then times page reads
 * (first page, a middle page, a type filter) three ways: over HTTP, through the read path (policy and audit,
 * no HTTP), and straight from the store, so that the cost of each layer shows as a ratio.
 */
@Command(name = "taxii", mixinStandardHelpOptions = true,
        description = "Ingest and page-read throughput of the TAXII server on a fresh embedded store.")
final class TaxiiBench implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "A STIX bundle to post, e.g. ../shared/data/stix/enterprise-attack-18.1-derived.json")
    Path file;

    @Option(names = "--sparse", paramLabel = "N", split = ",",
            description = "Hidden rows in each sparse-reader collection, e.g. 50000,200000,1000000 (default: 50000).")
    List<Integer> sparse = new ArrayList<>(SparseReaderBench.DEFAULT_HIDDEN);

    @Option(names = "--sparse-only", description = "Run only the sparse-reader case; FILE is then not needed.")
    boolean sparseOnly;

    @Option(names = "--generate", paramLabel = "N", description = "Also post N generated relationships first (e.g. 1000000).")
    long generate;

    @Option(names = "--passes", description = "Timed one-client POST passes, each into a fresh collection (default: ${DEFAULT-VALUE}).")
    int passes = 1;

    @Option(names = "--ingest-only", description = "Only the POST passes and the ingest breakdown (for profiling).")
    boolean ingestOnly;

    @Option(names = "--runs", description = "Timed reads per case (default: ${DEFAULT-VALUE}).")
    int runs = 100;

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "Benchmark this store instead of a fresh SQLite file.")
    String storeUrl;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!sparseOnly && (file == null || !Files.isRegularFile(file))) {
            System.err.println("vigil bench taxii: " + (file == null ? "give a STIX bundle to post (FILE), or"
                    + " --sparse-only" : file + ": no such file"));
            return 2;
        }
        HeapWatch heap = new HeapWatch();
        try (BenchInstallation bench = BenchInstallation.open(storeUrl)) {
            Installation hub = bench.hub;
            Setup s = setup(hub);
            if (sparseOnly) {
                out.printf("store: %s; heap max %d MB%n", storeUrl == null ? "SQLite (fresh file)" : storeUrl,
                        Runtime.getRuntime().maxMemory() >> 20);
                SparseReaderBench.run(hub, s.org(), s.user(), out, runs, sparse);
                heap.close();
                return 0;
            }
            try (TaxiiServer server = bench.serve()) {
                TaxiiClient client = TaxiiClient.basic(URI.create("http://127.0.0.1:" + server.port() + "/"), "bench", "bench");
                String objects = "api1/collections/" + s.collection.id() + "/objects/";
                out.printf("store: %s; data set: %s; heap max %d MB%n", storeUrl == null ? "SQLite (fresh file)" : storeUrl,
                        file.getFileName(), Runtime.getRuntime().maxMemory() >> 20);
                if (generate > 0) {
                    postGenerated(client, objects);
                }
                postFile(client, objects, hub, s);
                breakdown(hub, s);
                if (ingestOnly) {
                    heap.close();
                    return 0;
                }
                readCases(hub, s, client, objects);
                SparseReaderBench.run(hub, s.org(), s.user(), out, runs, sparse);
            }
        }
        heap.close();
        out.printf("largest heap in use (server and client share this JVM), sampled every 50 ms: %d MB of %d MB%n",
                heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        return 0;
    }

    private record Setup(User user, Organisation org, Collection collection) {
    }

    private static Setup setup(Installation hub) {
        Organisation org = hub.addOrganisation("Bench", true);
        User user = new User(UUID.randomUUID(), "bench", org.id(), Role.FEDERATION, Passwords.hash("bench".toCharArray()));
        hub.store.putUser(user);
        Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench");
        hub.store.putCollection(c);
        hub.store.putGrant(new Grant(user.id(), c.id(), true, true));
        return new Setup(user, org, c);
    }

    /**
     * Posts the file's objects in envelopes of 1000, whose bodies are built before the clock starts, so that the
     * figure is the server's: first one envelope at a time, then from two clients at once into a second collection.
     */
    private void postFile(TaxiiClient client, String path, Installation hub, Setup s) throws Exception {
        List<String> bodies = new ArrayList<>();
        List<StixObject> all = readFile();
        for (int i = 0; i < all.size(); i += 1000) {
            StringJoiner envelope = new StringJoiner(",", "{\"objects\":[", "]}");
            all.subList(i, Math.min(all.size(), i + 1000)).forEach(o -> envelope.add(o.toJson()));
            bodies.add(envelope.toString());
        }
        warmUp(client, hub, s, bodies);
        List<Double> rates = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            String into = path;
            if (pass > 0) {
                Collection fresh = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-pass-" + pass);
                hub.store.putCollection(fresh);
                hub.store.putGrant(new Grant(s.user.id(), fresh.id(), true, true));
                into = "api1/collections/" + fresh.id() + "/objects/";
            }
            long start = System.nanoTime();
            long cpu = processCpu();
            long n = 0;
            for (String body : bodies) {
                n += client.post(into, body).expect(202).path("success_count").asLong();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            rates.add(n / secs);
            // CPU time says what the work costs when the wall clock mostly says how busy the machine was.
            out.printf("POST %s in envelopes of 1000, one client: %d objects in %.2f s = %,.0f objects/s;"
                    + " process CPU %.1f µs per object (load avg %.2f)%n", file.getFileName(), n, secs, n / secs,
                    (processCpu() - cpu) / 1e3 / n, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        if (passes > 1) {
            Collections.sort(rates);
            out.printf("  median of %d passes, each into a fresh collection: %,.0f objects/s%n", passes,
                    rates.get(rates.size() / 2));
        }
        Collection second = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-2");
        hub.store.putCollection(second);
        hub.store.putGrant(new Grant(s.user.id(), second.id(), true, true));
        String path2 = "api1/collections/" + second.id() + "/objects/";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start2 = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (String body : bodies) {
            done.add(pool.submit(() -> client.post(path2, body).expect(202).path("success_count").asLong()));
        }
        long n2 = 0;
        for (Future<Long> f : done) {
            n2 += f.get();
        }
        pool.shutdown();
        double secs2 = (System.nanoTime() - start2) / 1e9;
        out.printf("POST the same, two clients at once: %d objects in %.2f s = %,.0f objects/s%n", n2, secs2, n2 / secs2);
    }

    /** CPU time of this process (client, server, collector and, on SQLite, the database), in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One untimed pass into a scratch collection, so that the timed passes run compiled code. */
    private static void warmUp(TaxiiClient client, Installation hub, Setup s, List<String> bodies) {
        Collection scratch = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-warm-up");
        hub.store.putCollection(scratch);
        hub.store.putGrant(new Grant(s.user.id(), scratch.id(), true, true));
        for (String body : bodies) {
            client.post("api1/collections/" + scratch.id() + "/objects/", body).expect(202);
        }
    }

    private List<StixObject> readFile() throws IOException {
        List<StixObject> all = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); BundleReader reader = BundleReader.open(in, file.toString())) {
            for (StixObject o = reader.next(); o != null; o = reader.next()) {
                all.add(o);
            }
        }
        return all;
    }

    /** The same ingest without HTTP (write path: validation, policy, status, audit) and straight into the store. */
    private void breakdown(Installation hub, Setup s) throws IOException {
        List<StixObject> all = readFile();
        Collection viaWritePath = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-write-path");
        Collection direct = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-store");
        hub.store.putCollection(viaWritePath);
        hub.store.putCollection(direct);
        CollectionView view = new CollectionView(viaWritePath, true, true, false);
        Principal p = Principal.of(s.user, s.org);
        long t0 = System.nanoTime();
        for (int i = 0; i < all.size(); i += 1000) {
            List<WritePath.Item> items = all.subList(i, Math.min(all.size(), i + 1000)).stream().map(WritePath.Item::of).toList();
            hub.writes.add(p, view, items, "bench");
        }
        double writePath = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        for (int i = 0; i < all.size(); i += 1000) {
            hub.store.add(direct.id(), s.user.id(), all.subList(i, Math.min(all.size(), i + 1000)));
        }
        double store = (System.nanoTime() - t1) / 1e9;
        out.printf("  same objects without HTTP: write path %,.0f objects/s; straight into the store %,.0f objects/s%n",
                all.size() / writePath, all.size() / store);
    }

    private void postGenerated(TaxiiClient client, String path) {
        long start = System.nanoTime();
        List<StixObject> batch = new ArrayList<>();
        for (long i = 0; i < generate; i++) {
            batch.add(generated(i));
            if (batch.size() == 1000) {
                post(client, path, batch);
            }
            if (i > 0 && i % 100_000 == 0) {
                System.err.printf("generated %,d of %,d%n", i, generate);
            }
        }
        post(client, path, batch);
        double secs = (System.nanoTime() - start) / 1e9;
        out.printf("POST %,d generated relationships: %.1f s = %,.0f objects/s%n", generate, secs, generate / secs);
    }

    private static StixObject generated(long i) {
        String uuid = String.format("%08x-0000-4000-8000-%012x", i & 0xffffffffL, i);
        return StixObject.builder("relationship", "relationship--" + uuid)
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", "2024-01-01T00:00:00.000Z")
                .put("relationship_type", "uses").put("source_ref", "intrusion-set--" + uuid)
                .put("target_ref", "malware--" + uuid).build();
    }

    private static long post(TaxiiClient client, String path, List<StixObject> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        JsonNode status = client.add(path, batch).expect(202);
        batch.clear();
        return status.path("success_count").asLong();
    }

    private void readCases(Installation hub, Setup s, TaxiiClient client, String path) {
        String middle = middleToken(client, path);
        Principal reader = Principal.of(s.user, s.org);
        CollectionView view = new CollectionView(s.collection, true, true, false);
        ObjectQuery first = ObjectQuery.in(s.collection.id()).limit(1000).build();
        ObjectQuery typed = ObjectQuery.in(s.collection.id()).types("attack-pattern").limit(1000).build();
        out.println("page reads (limit 1000), " + runs + " runs each (read path and store in alternation): p50 / p95 in ms");
        report("first page", () -> client.get(path, Map.of("limit", "1000")), first, hub, reader, view);
        report("middle page", () -> client.get(path, Map.of("limit", "1000", "next", middle)),
                middleQuery(hub, reader, view, first), hub, reader, view);
        report("match[type]=attack-pattern", () -> client.get(path, Map.of("limit", "1000",
                "match[type]", "attack-pattern")), typed, hub, reader, view);
    }

    /** The query for the page in the middle of the collection, found by following cursors. */
    private static ObjectQuery middleQuery(Installation hub, Principal reader, CollectionView view, ObjectQuery first) {
        List<ObjectQuery> pages = new ArrayList<>();
        ObjectQuery q = first;
        while (true) {
            pages.add(q);
            var page = hub.reads.objects(reader, view, q, "bench");
            if (page.next().isEmpty()) {
                break;
            }
            q = q.after(page.next().get());
        }
        return pages.get(pages.size() / 2);
    }

    private static String middleToken(TaxiiClient client, String path) {
        List<String> tokens = new ArrayList<>();
        String next = null;
        do {
            Map<String, String> q = new HashMap<>(Map.of("limit", "1000"));
            if (next != null) {
                q.put("next", next);
            }
            JsonNode page = client.get(path, q).expect(200);
            next = page.path("more").asBoolean() ? page.path("next").asText() : null;
            if (next != null) {
                tokens.add(next);
            }
        } while (next != null);
        return tokens.get(Math.max(0, tokens.size() / 2 - 1));
    }

    private void report(String name, Supplier<TaxiiClient.Response> http, ObjectQuery q, Installation hub,
                        Principal reader, CollectionView view) {
        double[] overHttp = time(() -> http.get().expect(200));
        double[][] paired = timePaired(() -> hub.reads.objects(reader, view, q, "bench"), () -> hub.store.objects(q));
        double[] readPath = paired[0];
        double[] store = paired[1];
        out.printf("  %-28s HTTP %6.1f / %6.1f   read path %6.1f / %6.1f   store %6.1f / %6.1f   read path / store = %.2fx%n",
                name, overHttp[0], overHttp[1], readPath[0], readPath[1], store[0], store[1], readPath[0] / store[0]);
    }

    /** p50 and p95 in ms of {@code runs} timed calls, after three untimed ones. */
    private double[] time(Runnable r) {
        return timePaired(r, () -> { })[0];
    }

    /**
     * Times two ways of doing the same work in alternation, so that both meet the same garbage collections, JIT
     * compilations and database cache states and their ratio reflects the work alone.
     */
    private double[][] timePaired(Runnable a, Runnable b) {
        return timePaired(runs, a, b);
    }

    /**
     * A page read straight from the store, without policy or audit: the baseline the benches of vigil bench taxii
     * measure the read path against (the one place allowed to read the store directly besides the read path).
     */
    static Runnable storeRead(Installation hub, ObjectQuery q) {
        return () -> hub.store.objects(q);
    }

    /** As {@link #timePaired(Runnable, Runnable)}, with the number of timed runs given. */
    static double[][] timePaired(int runs, Runnable a, Runnable b) {
        for (int i = 0; i < 3; i++) {
            a.run();
            b.run();
        }
        List<Double> msA = new ArrayList<>();
        List<Double> msB = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            msA.add(timed(a));
            msB.add(timed(b));
        }
        return new double[][] {percentiles(msA), percentiles(msB)};
    }

    private static double timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double[] percentiles(List<Double> ms) {
        Collections.sort(ms);
        return new double[] {ms.get(ms.size() / 2), ms.get((int) Math.floor(ms.size() * 0.95))};
    }

    /** Samples the heap in use every 50 ms, for the largest figure seen while the benchmark runs. */
    static final class HeapWatch implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "heap-watch");
                    t.setDaemon(true);
                    return t;
                });
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        HeapWatch() {
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
