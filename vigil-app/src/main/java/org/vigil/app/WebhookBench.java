package org.vigil.app;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.alerts.WebhookDeliverer;
import org.vigil.alerts.Webhooks;
import org.vigil.stix.BundleReader;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiClient;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil bench webhooks}: what webhook notifications cost TAXII posts, and how fast one small post fans out
 * to many subscriptions. The cost is measured fairly: in one run, with the deliverer running throughout, rounds
 * alternate posting the same bundle into a collection nobody subscribes to and into one that N subscriptions watch
 * (delivering to a loopback receiver as it goes, and drained before the next post), swapping which comes first
 * each round; it reports each round, the median ratio, and the machine's load average as it went.
 */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "TAXII POST throughput with and without webhook subscriptions, and fan-out to many.")
final class WebhookBench implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A STIX bundle to post, e.g. ../shared/data/stix/enterprise-attack-18.1-derived.json")
    Path file;

    @Option(names = "--subscriptions", description = "Subscriptions while posting (default: ${DEFAULT-VALUE}).")
    int subscriptions = 10;

    @Option(names = "--rounds", description = "Rounds of without / with, alternating (default: ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--fanout", description = "Subscriptions for the fan-out case (default: ${DEFAULT-VALUE}).")
    int fanout = 1000;

    @Option(names = "--fanout-objects", description = "Objects posted in the fan-out case (default: ${DEFAULT-VALUE}).")
    int fanoutObjects = 10;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("vigil bench webhooks: " + file + ": no such file");
            return 2;
        }
        Path data = Files.createTempDirectory("vigil-bench-");
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(8);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hook", x -> {
            x.getRequestBody().readAllBytes();
            received.incrementAndGet();
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (Installation hub = Installation.open(Settings.load(Map.of(), new HashMap<>(Map.of("data", data.toString()))))) {
            Organisation org = hub.addOrganisation("Bench", true);
            User user = new User(UUID.randomUUID(), "bench", org.id(), Role.FEDERATION, Passwords.hash("bench".toCharArray()));
            hub.store.putUser(user);
            Principal p = Principal.of(user, org);
            TaxiiConfig config = new TaxiiConfig("127.0.0.1", 0, "bench", null, null, null, 1000, hub.tokenKey());
            try (TaxiiServer server = TaxiiServer.start(new Hub(hub.authenticator, hub.reads, hub.writes), config,
                    hub.apiModules())) {
                TaxiiClient client = TaxiiClient.basic(URI.create("http://127.0.0.1:" + server.port() + "/"), "bench", "bench");
                List<String> bodies = envelopes(readFile(), 1000);
                post(client, collection(hub, user, "warm-up"), bodies);
                post(client, collection(hub, user, "warm-up again"), bodies);
                try (WebhookDeliverer d = hub.alerts.startDeliveries(Duration.ofMillis(500))) {
                    compare(hub, client, p, user, url, received, bodies);
                }
                fanOut(hub, client, p, user, url, received);
            }
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
            ServeCommand.deleteTree(data);
        }
        return 0;
    }

    /** Alternating rounds without and with subscriptions, then the median ratio. */
    private void compare(Installation hub, TaxiiClient client, Principal p, User user, String url,
                         AtomicLong received, List<String> bodies) throws Exception {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        out.printf("POST %s in envelopes of 1000, %d rounds alternating no subscriptions / %d delivering; load "
                + "average %.2f at the start%n", file.getFileName(), rounds, subscriptions, os.getSystemLoadAverage());
        List<Double> ratios = new ArrayList<>();
        double sumWithout = 0;
        double sumWith = 0;
        for (int round = 1; round <= rounds; round++) {
            boolean withFirst = round % 2 == 0;
            double without = 0;
            double with = 0;
            for (int leg = 0; leg < 2; leg++) {
                if ((leg == 0) == withFirst) {
                    with = postWatched(hub, client, p, user, url, received, bodies, round);
                } else {
                    without = post(client, collection(hub, user, "no subscriptions " + round), bodies).perSecond();
                }
            }
            ratios.add(with / without);
            sumWithout += without;
            sumWith += with;
            out.printf("  round %d (%s first): %,.0f objects/s without, %,.0f with (%+.1f%%); load average %.2f%n",
                    round, withFirst ? "with" : "without", without, with, (with - without) / without * 100,
                    os.getSystemLoadAverage());
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        out.printf("  median cost of %d subscriptions: %+.1f%% (mean throughput %,.0f without, %,.0f with: %+.1f%%); "
                + "load average %.2f at the end%n", subscriptions, (median - 1) * 100, sumWithout / rounds,
                sumWith / rounds, (sumWith - sumWithout) / sumWithout * 100, os.getSystemLoadAverage());
    }

    /** Posts into a new collection that N subscriptions watch, then waits for every delivery; objects/s posted. */
    private double postWatched(Installation hub, TaxiiClient client, Principal p, User user, String url,
                               AtomicLong received, List<String> bodies, int round) throws InterruptedException {
        UUID watched = collection(hub, user, "watched " + round);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            ids.add(hub.alerts.webhooks().add(p, url, List.of(watched), List.of(), List.of(),
                    List.of(Webhooks.OBJECT_ADDED)).webhook().id());
        }
        received.set(0);
        long t0 = System.nanoTime();
        Posted posted = post(client, watched, bodies);
        long duringPost = received.get();
        long expected = (long) subscriptions * posted.objects();
        double secs = waitFor(received, expected, t0);
        out.printf("    %,d of %,d deliveries within %.1f s of the first post (%,.0f deliveries/s; %,d while posting)%n",
                received.get(), expected, secs, received.get() / secs, duringPost);
        ids.forEach(hub.alerts.webhooks()::remove);
        return posted.perSecond();
    }

    private void fanOut(Installation hub, TaxiiClient client, Principal p, User user, String url, AtomicLong received)
            throws Exception {
        UUID c = collection(hub, user, "fan-out");
        for (int i = 0; i < fanout; i++) {
            hub.alerts.webhooks().add(p, url, List.of(c), List.of(), List.of(), List.of(Webhooks.OBJECT_ADDED));
        }
        List<StixObject> few = readFile().subList(0, fanoutObjects);
        received.set(0);
        try (WebhookDeliverer d = hub.alerts.startDeliveries(Duration.ofMillis(500))) {
            long t0 = System.nanoTime();
            long expected = (long) fanout * post(client, c, envelopes(few, 1000)).objects();
            double secs = waitFor(received, expected, t0);
            out.printf("fan-out: %d objects to %,d subscriptions: %,d of %,d deliveries in %.1f s (%,.0f deliveries/s)%n",
                    fanoutObjects, fanout, received.get(), expected, secs, received.get() / secs);
        }
    }

    /** Waits until the receiver has {@code expected} deliveries, or a deadline passes; seconds since {@code t0}. */
    private static double waitFor(AtomicLong received, long expected, long t0) throws InterruptedException {
        long deadline = t0 + Duration.ofMinutes(10).toNanos();
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static UUID collection(Installation hub, User user, String title) {
        Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench " + title);
        hub.store.putCollection(c);
        hub.store.putGrant(new Grant(user.id(), c.id(), true, true));
        return c.id();
    }

    /** How many objects a post stored, and how fast. */
    private record Posted(long objects, double perSecond) {
    }

    /** Posts the envelopes one at a time. */
    private static Posted post(TaxiiClient client, UUID collection, List<String> bodies) {
        String path = "api1/collections/" + collection + "/objects/";
        long start = System.nanoTime();
        long n = 0;
        for (String body : bodies) {
            n += client.post(path, body).expect(202).path("success_count").asLong();
        }
        return new Posted(n, n / ((System.nanoTime() - start) / 1e9));
    }

    private static List<String> envelopes(List<StixObject> all, int size) {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            StringJoiner envelope = new StringJoiner(",", "{\"objects\":[", "]}");
            all.subList(i, Math.min(all.size(), i + size)).forEach(o -> envelope.add(o.toJson()));
            bodies.add(envelope.toString());
        }
        return bodies;
    }

    private List<StixObject> readFile() throws java.io.IOException {
        List<StixObject> all = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); BundleReader reader = BundleReader.open(in, file.toString())) {
            for (StixObject o = reader.next(); o != null; o = reader.next()) {
                all.add(o);
            }
        }
        return all;
    }
}
