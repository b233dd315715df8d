package org.vigil.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vigil.access.Passwords;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.AddResult;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import org.vigil.taxii.TaxiiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench scale}: one collection grown in steps (e.g. 10k, 1M, 10M objects), and at each step the
 * reads a partner makes over HTTP on loopback (first, middle and last page, match[type], match[id] with versions,
 * the manifest, upticks) and the ingest of new envelopes over HTTP, so that one can see whether they stay flat.
 * The objects are loaded straight into the store (Store.add: the store's own write path with its indexes, triggers,
 * place and search index, without HTTP, validation or audit), since loading 10M through HTTP would take hours here.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Page, filter, manifest and upticks latency over HTTP as one collection grows to N objects.")
final class ScaleBench implements Callable<Integer> {

    private static final int LOAD_BATCH = 5_000;
    private static final int PAGE = 100;
    private static final LocalDate LAST_DAY = LocalDate.of(2014, 2, 23);

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "The store (default: a fresh SQLite file).")
    String storeUrl;

    @Option(names = "--objects", paramLabel = "N", split = ",",
            description = "The sizes at which to measure, ascending (default: ${DEFAULT-VALUE}).")
    List<Long> sizes = new ArrayList<>(List.of(10_000L, 100_000L));

    @Option(names = "--places", description = "Places the generated reports are about (default: ${DEFAULT-VALUE}).")
    int places = 1_000;

    @Option(names = "--runs", description = "Timed requests per case (default: ${DEFAULT-VALUE}).")
    int runs = 30;

    @Option(names = "--posts", description = "Envelopes of 1000 posted over HTTP at each size (default: ${DEFAULT-VALUE}).")
    int posts = 5;

    @Option(names = "--collection", paramLabel = "UUID", description = "Measure a collection an earlier run filled"
            + " (and scripts/scale-copy.sql grew) instead of loading one: its size is --objects, its users bench and"
            + " bench-partner; needs --middle, --last and --versioned.")
    UUID reuse;

    @Option(names = "--middle", paramLabel = "TIME", description = "With --collection: added_after of the middle page.")
    String middleAt;

    @Option(names = "--last", paramLabel = "TIME", description = "With --collection: added_after of the last page.")
    String lastAt;

    @Option(names = "--versioned", paramLabel = "ID", description = "With --collection: an object with three versions.")
    String versionedId;

    private final PrintStream out = System.out;
    private final SplittableRandom random = new SplittableRandom(11);
    private final List<String> placeIds = new ArrayList<>();
    /** date_added of the generated objects, sampled: each size's middle and last page start after one of these. */
    private final Map<Long, String> addedAt = new LinkedHashMap<>();
    private final List<String> versioned = new ArrayList<>();
    private long made;
    private long stored;
    /** Whether the server has been warmed up with envelopes into a scratch collection. */
    private boolean posted;

    @Override
    public Integer call() throws Exception {
        Collections.sort(sizes);
        if (reuse != null) {
            return measureExisting();
        }
        TaxiiBench.HeapWatch heap = new TaxiiBench.HeapWatch();
        Map<String, Map<Long, double[]>> table = new LinkedHashMap<>();
        try (BenchInstallation bench = BenchInstallation.open(storeUrl)) {
            Installation hub = bench.hub;
            Organisation owner = hub.addOrganisation("Bench", true);
            User poster = user(hub, "bench", owner, Role.FEDERATION);
            Organisation partnerOrg = hub.addOrganisation("Bench partner", true);
            User partner = user(hub, "bench-partner", partnerOrg, Role.ANALYST);
            Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-scale");
            hub.store.putCollection(c);
            hub.store.putGrant(new Grant(poster.id(), c.id(), true, true));
            hub.store.putGrant(new Grant(partner.id(), c.id(), true, false));
            out.printf("store: %s; heap max %d MB; one collection; reads as a partner (may see CLEAR, GREEN, AMBER;"
                            + " 1 in 10 rows is the poster's AMBER+STRICT), pages of %d, p50 / p95 of %d requests%n",
                    storeUrl == null ? "SQLite (fresh file)" : storeUrl, Runtime.getRuntime().maxMemory() >> 20,
                    PAGE, runs);
            try (TaxiiServer server = bench.serve()) {
                String base = "http://127.0.0.1:" + server.port() + "/";
                for (long size : sizes) {
                    double loadRate = load(hub, c, owner, poster, size - (long) posts * 1000);
                    if (!posted) {
                        posted = true;
                        Collection scratch = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-warm-up");
                        hub.store.putCollection(scratch);
                        hub.store.putGrant(new Grant(poster.id(), scratch.id(), true, true));
                        int ids = versioned.size();
                        post(base + "api1/collections/" + scratch.id() + "/objects/", owner);
                        stored -= (long) posts * 1000;
                        versioned.subList(ids, versioned.size()).clear();
                    }
                    double postRate = post(base + "api1/collections/" + c.id() + "/objects/", owner);
                    System.gc();
                    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    out.printf("%n%,d objects (loaded at %,.0f objects/s; POST %d envelopes of 1000 over HTTP: %,.0f"
                                    + " objects/s); heap in use after GC %d MB, peak so far %d MB; load avg %.2f%n",
                            stored, loadRate, posts, postRate, live >> 20, heap.peak() >> 20, load());
                    table.computeIfAbsent("POST envelope of 1000 (objects/s)", k -> new LinkedHashMap<>())
                            .put(size, new double[] {postRate, postRate});
                    if (size == sizes.get(0)) {
                        reads(base, c, size, new LinkedHashMap<>(), false);
                    }
                    reads(base, c, size, table, true);
                }
            }
        }
        heap.close();
        summary(table);
        out.printf("largest heap in use (server, client and loader share this JVM), sampled every 50 ms: %d MB of %d MB;"
                + " load avg %.2f%n", heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20, load());
        return 0;
    }

    /** The same reads and POSTs on a collection filled before, with its sampled positions given on the command line. */
    private int measureExisting() throws Exception {
        if (middleAt == null || lastAt == null || versionedId == null || sizes.size() != 1) {
            System.err.println("vigil bench scale: --collection needs --middle, --last, --versioned and one --objects");
            return 2;
        }
        TaxiiBench.HeapWatch heap = new TaxiiBench.HeapWatch();
        Map<String, Map<Long, double[]>> table = new LinkedHashMap<>();
        long size = sizes.get(0);
        try (BenchInstallation bench = BenchInstallation.open(storeUrl)) {
            Installation hub = bench.hub;
            Organisation owner = hub.store.organisations().stream().filter(o -> o.name().equals("Bench"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no organisation Bench in this store"));
            Collection c = Collection.of(reuse, Installation.API_ROOT, "bench-scale");
            stored = size;
            // Far above the ids the filling run and the copies used.
            made = 1L << 40;
            versioned.add(versionedId);
            for (int i = 0; i < places; i++) {
                placeIds.add("location--" + uuid(i));
            }
            out.printf("store: %s; heap max %d MB; collection %s as filled before (%,d objects); reads as a partner,"
                            + " pages of %d, p50 / p95 of %d requests%n", storeUrl, Runtime.getRuntime().maxMemory() >> 20,
                    reuse, size, PAGE, runs);
            try (TaxiiServer server = bench.serve()) {
                String base = "http://127.0.0.1:" + server.port() + "/";
                Collection scratch = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-warm-up");
                hub.store.putCollection(scratch);
                User poster = hub.store.userByName("bench").orElseThrow(() -> new IllegalStateException("no user bench"));
                hub.store.putGrant(new Grant(poster.id(), scratch.id(), true, true));
                post(base + "api1/collections/" + scratch.id() + "/objects/", owner);
                double postRate = post(base + "api1/collections/" + c.id() + "/objects/", owner);
                reads(base, c, size, new LinkedHashMap<>(), false, middleAt, lastAt);
                System.gc();
                out.printf("%n%,d objects (POST %d envelopes of 1000 over HTTP: %,.0f objects/s); heap in use after"
                                + " GC %d MB, peak so far %d MB; load avg %.2f%n", size, posts, postRate,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, heap.peak() >> 20,
                        load());
                reads(base, c, size, table, true, middleAt, lastAt);
            }
        }
        heap.close();
        out.printf("largest heap in use (server and client share this JVM), sampled every 50 ms: %d MB of %d MB;"
                + " load avg %.2f%n", heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20, load());
        return 0;
    }

    private static User user(Installation hub, String name, Organisation org, Role role) {
        User u = new User(UUID.randomUUID(), name, org.id(), role, Passwords.hash("bench".toCharArray()));
        hub.store.putUser(u);
        return u;
    }

    /** Loads generated objects straight into the store until {@code target} are stored; objects per second. */
    private double load(Installation hub, Collection c, Organisation owner, User poster, long target) {
        long start = System.nanoTime();
        long before = stored;
        if (placeIds.isEmpty()) {
            List<StixObject> locations = new ArrayList<>();
            for (int i = 0; i < places; i++) {
                String id = "location--" + uuid(i);
                placeIds.add(id);
                locations.add(StixObject.builder("location", id).put("created", "2013-01-01T00:00:00.000Z")
                        .put("modified", "2013-01-01T00:00:00.000Z").put("name", "Place " + i)
                        .put("city", "Place " + i).put("country", "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26))
                        .put("latitude", random.nextDouble(-60, 60)).put("longitude", random.nextDouble(-180, 180))
                        .put("object_marking_refs", List.of(Tlp.GREEN.markingId())).build());
            }
            stored += hub.store.add(c.id(), poster.id(), locations).size();
        }
        try (Progress progress = Progress.start("loading", target - before, false)) {
            while (stored < target) {
                List<StixObject> batch = new ArrayList<>();
                while (batch.size() < LOAD_BATCH && stored + batch.size() < target) {
                    batch.addAll(next(owner));
                }
                List<AddResult> added = hub.store.add(c.id(), poster.id(), batch);
                for (int i = 0; i < added.size(); i += 1000) {
                    addedAt.put(stored + i, added.get(i).dateAdded());
                }
                stored += added.size();
                progress.update(stored - before, "");
            }
        }
        return (stored - before) / ((System.nanoTime() - start) / 1e9);
    }

    /** Posts envelopes of 1000 generated objects over HTTP, bodies built before the clock starts; objects/s. */
    private double post(String objects, Organisation owner) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            StringJoiner envelope = new StringJoiner(",", "{\"objects\":[", "]}");
            int n = 0;
            while (n < 1000) {
                for (StixObject o : next(owner)) {
                    envelope.add(o.toJson());
                    n++;
                }
            }
            bodies.add(envelope.toString());
            stored += n;
        }
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        long n = 0;
        for (String body : bodies) {
            HttpResponse<String> r = http.send(request(objects, "bench").header("Content-Type",
                    "application/taxii+json;version=2.1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202 || !r.body().contains("\"failure_count\":0")) {
                throw new IllegalStateException("POST: HTTP " + r.statusCode() + " " + r.body());
            }
            n += 1000;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Times each case; the untimed round at the first size lets the JIT compile the server's read code first. */
    private void reads(String base, Collection c, long size, Map<String, Map<Long, double[]>> table, boolean print)
            throws Exception {
        reads(base, c, size, table, print, null, null);
    }

    private void reads(String base, Collection c, long size, Map<String, Map<Long, double[]>> table, boolean print,
                       String middleAt, String lastAt) throws Exception {
        String objects = base + "api1/collections/" + c.id() + "/objects/";
        String manifest = base + "api1/collections/" + c.id() + "/manifest/";
        String middle = middleAt != null ? URLEncoder.encode(middleAt, StandardCharsets.UTF_8) : after(stored / 2);
        String last = lastAt != null ? URLEncoder.encode(lastAt, StandardCharsets.UTF_8) : after(stored - 60);
        String id = versioned.get(versioned.size() / 2);
        String year = "from=" + LAST_DAY.minusDays(364) + "&to=" + LAST_DAY;
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("first page", objects + "?limit=" + PAGE);
        cases.put("middle page (added_after)", objects + "?limit=" + PAGE + "&added_after=" + middle);
        cases.put("last page (added_after)", objects + "?limit=" + PAGE + "&added_after=" + last);
        cases.put("match[type]=malware, first", objects + "?limit=" + PAGE + "&match[type]=malware");
        cases.put("match[type]=malware, middle", objects + "?limit=" + PAGE + "&match[type]=malware&added_after="
                + middle);
        cases.put("match[id] (3 versions), all", objects + "?match[id]=" + id + "&match[version]=all");
        cases.put("versions of one object", objects + id + "/versions/");
        cases.put("manifest, first page", manifest + "?limit=" + PAGE);
        cases.put("manifest, middle page", manifest + "?limit=" + PAGE + "&added_after=" + middle);
        cases.put("upticks, one year, every place", base + "api/v1/upticks?" + year);
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> e : cases.entrySet()) {
            double[] t = time(http, e.getValue());
            if (print) {
                out.printf("  %-34s p50 %8.2f ms  p95 %8.2f ms%n", e.getKey(), t[0], t[1]);
            }
            table.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(size, t);
        }
        if (print) {
            out.printf("  load avg %.2f%n", load());
        }
    }

    /** p50 and p95 in ms of {@code runs} GETs as the partner, after three untimed ones; anything but 200 stops. */
    private double[] time(HttpClient http, String url) throws Exception {
        HttpRequest request = request(url, "bench-partner").GET().build();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs + 3; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
            }
            if (i >= 3) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(ms);
        return new double[] {ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1)};
    }

    private static HttpRequest.Builder request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":bench").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", url.contains("/api/v1/") ? "application/json" : "application/taxii+json;version=2.1");
    }

    /** The date_added of the sampled object nearest below the {@code n}th, URL-encoded for added_after. */
    private String after(long n) {
        String at = null;
        for (Map.Entry<Long, String> e : addedAt.entrySet()) {
            if (e.getKey() <= n) {
                at = e.getValue();
            }
        }
        return URLEncoder.encode(at, StandardCharsets.UTF_8);
    }

    private void summary(Map<String, Map<Long, double[]>> table) {
        out.printf("%nsummary, p50 in ms (POST: objects/s); ratio = largest size / smallest%n");
        StringBuilder head = new StringBuilder(String.format("  %-34s", "case"));
        sizes.forEach(s -> head.append(String.format(" %12s", String.format("%,d", s))));
        out.println(head + "   ratio");
        table.forEach((name, bySize) -> {
            StringBuilder row = new StringBuilder(String.format("  %-34s", name));
            sizes.forEach(s -> row.append(String.format(" %12.2f", bySize.getOrDefault(s, new double[] {0})[0])));
            double first = bySize.get(sizes.get(0))[0];
            double lastP50 = bySize.get(sizes.get(sizes.size() - 1))[0];
            out.println(row + String.format("   %.2fx", lastP50 / first));
        });
    }

    /**
     * The next generated object, or three versions of it (one id in 1000): reports about one or two places on a
     * day of the 465 before LAST_DAY (1 in 10), indicators, relationships, attack patterns and malware; 1 in 10
     * marked AMBER+STRICT by the poster's organisation, the rest CLEAR, GREEN or AMBER.
     */
    private List<StixObject> next(Organisation owner) {
        long i = made++;
        String uuid = uuid(i + places);
        Tlp level = i % 10 == 3 ? Tlp.AMBER_STRICT : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER).get((int) (i % 3));
        String day = LAST_DAY.minusDays(random.nextInt(465)) + "T12:00:00.000Z";
        StixObject.Builder b = switch ((int) (i % 10)) {
            case 0 -> StixObject.builder("report", "report--" + uuid).put("name", "Report " + i).put("published", day)
                    .put("report_types", List.of("threat-report")).put("object_refs", random.nextInt(3) == 0
                            ? List.of(place(), place()).stream().distinct().toList() : List.of(place()));
            case 1, 4, 7 -> StixObject.builder("indicator", "indicator--" + uuid).put("name", "Indicator " + i)
                    .put("pattern", "[ipv4-addr:value = '198.51." + (i >> 8 & 255) + "." + (i & 255) + "']")
                    .put("pattern_type", "stix").put("valid_from", day);
            case 2, 5, 8 -> StixObject.builder("relationship", "relationship--" + uuid)
                    .put("relationship_type", "uses").put("source_ref", "intrusion-set--" + uuid)
                    .put("target_ref", "malware--" + uuid);
            case 6 -> StixObject.builder("attack-pattern", "attack-pattern--" + uuid).put("name", "Pattern " + i);
            default -> StixObject.builder("malware", "malware--" + uuid).put("name", "Malware " + i)
                    .put("is_family", false);
        };
        b.put("created", day).put("modified", day).put("created_by_ref", owner.identityId())
                .put("object_marking_refs", List.of(level.markingId()));
        if (i % 1000 != 500) {
            return List.of(b.build());
        }
        StixObject first = b.build();
        versioned.add(first.id());
        return List.of(first, b.put("modified", day.replace("T12", "T13")).build(),
                b.put("modified", day.replace("T12", "T14")).build());
    }

    private String place() {
        return placeIds.get(random.nextInt(placeIds.size()));
    }

    /** Ids that grow with n, so that the primary key takes them at its end rather than anywhere. */
    private static String uuid(long n) {
        return String.format("%08x-0000-4000-8000-%012x", n >>> 16 & 0xffffffffL, n);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
