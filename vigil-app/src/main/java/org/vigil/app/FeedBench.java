package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vigil.access.Passwords;
import org.vigil.federation.Federation;
import org.vigil.federation.PassResult;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.Feed;
import org.vigil.store.FeedState;
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

/**
 * {@code vigil bench feed}: pull throughput from a local Vigil over loopback, as objects per second, next to a
 * plain TAXII client paging through the same collection, so that what a feed adds (validation, the write path,
 * the cursor, durable commits) shows as a ratio.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Pull throughput of a feed from a local Vigil, next to a plain TAXII client reading the same collection.")
final class FeedBench implements Callable<Integer> {

    @Option(names = "--generate", paramLabel = "N", description = "Objects in the remote collection (default: ${DEFAULT-VALUE}).")
    int generate = 20_000;

    @Option(names = "--page-size", paramLabel = "N", description = "Objects per page for both readers (default: ${DEFAULT-VALUE}).")
    int pageSize = 1000;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "Pull into this store (e.g. a PostgreSQL URL) instead of a fresh SQLite file.")
    String storeUrl;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        Path remoteData = Files.createTempDirectory("vigil-bench-remote-");
        Path localData = Files.createTempDirectory("vigil-bench-local-");
        try (Installation remote = Installation.open(Settings.load(Map.of(), Map.of("data", remoteData.toString())))) {
            Collection source = fill(remote);
            TaxiiConfig config = new TaxiiConfig("127.0.0.1", 0, "bench", null, null, null, pageSize, remote.tokenKey());
            try (TaxiiServer server = TaxiiServer.start(new Hub(remote.authenticator, remote.reads, remote.writes), config)) {
                String url = "http://127.0.0.1:" + server.port() + "/api1/collections/" + source.id() + "/";
                out.printf("remote: %,d objects on SQLite, served on loopback; pages of %d; heap max %d MB%n", generate,
                        pageSize, Runtime.getRuntime().maxMemory() >> 20);
                plainClient(url);
                // The second read is timed: the server has warmed up, as it has for the feed that follows.
                double plain = plainClient(url);
                double feed = feed(localData, url);
                out.printf("plain TAXII client: %,.0f objects/s%n", plain);
                out.printf("feed pull (validate, write path, cursor, durable commit per page): %,.0f objects/s (%.0f%% of the plain client)%n",
                        feed, 100 * feed / plain);
            }
        } finally {
            ServeCommand.deleteTree(remoteData);
            ServeCommand.deleteTree(localData);
        }
        return 0;
    }

    private Collection fill(Installation hub) {
        Organisation org = hub.addOrganisation("Remote", true);
        User user = new User(UUID.randomUUID(), "bench", org.id(), Role.FEDERATION, Passwords.hash("bench".toCharArray()));
        hub.store.putUser(user);
        Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench");
        hub.store.putCollection(c);
        hub.store.putGrant(new Grant(user.id(), c.id(), true, true));
        List<StixObject> batch = new ArrayList<>();
        for (int i = 0; i < generate; i++) {
            batch.add(indicator(i, org.identityId()));
            if (batch.size() == 1000 || i == generate - 1) {
                hub.store.add(c.id(), batch);
                batch.clear();
            }
        }
        return c;
    }

    private static StixObject indicator(int n, String source) {
        String t = "2026-05-01T08:00:00.000Z";
        return StixObject.builder("indicator", "indicator--" + UUID.nameUUIDFromBytes(("bench " + n).getBytes()))
                .put("created_by_ref", source).put("created", t).put("modified", t).put("name", "bench indicator " + n)
                .put("pattern", "[ipv4-addr:value = '198.51.100." + (n % 250 + 1) + "']").put("pattern_type", "stix")
                .put("valid_from", t).build();
    }

    /** Pages through every version as any TAXII client would, holding one page at a time; objects/s. */
    private double plainClient(String url) {
        TaxiiClient client = TaxiiClient.basic(URI.create(url), "bench", "bench");
        long start = System.nanoTime();
        long objects = 0;
        String next = null;
        do {
            Map<String, String> q = new LinkedHashMap<>(Map.of("limit", Integer.toString(pageSize), "match[version]", "all"));
            if (next != null) {
                q.put("next", next);
            }
            JsonNode page = client.get("objects/", q).expect(200);
            objects += page.path("objects").size();
            next = page.path("more").asBoolean() ? page.path("next").asText() : null;
        } while (next != null);
        return objects * 1e9 / (System.nanoTime() - start);
    }

    /** One pass of a pull feed into a fresh local hub; objects/s. */
    private double feed(Path data, String url) throws InterruptedException {
        Map<String, String> flags = new LinkedHashMap<>(Map.of("data", data.toString(),
                "federation.page_size", Integer.toString(pageSize)));
        if (storeUrl != null) {
            flags.put("store.url", storeUrl);
        }
        try (Installation local = Installation.open(Settings.load(Map.of(), flags));
             Federation federation = local.federation()) {
            Organisation org = local.addOrganisation("Local", true);
            User relay = new User(UUID.randomUUID(), "relay", org.id(), Role.FEDERATION, null);
            local.store.putUser(relay);
            Collection into = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "pulled");
            local.store.putCollection(into);
            local.store.putGrant(new Grant(relay.id(), into.id(), false, true));
            local.store.putFeed(new Feed(UUID.randomUUID(), "bench", Feed.Direction.PULL, url, into.id(), relay.id(),
                    "bench", federation.secrets().seal("bench", "bench"), Federation.DEFAULT_EVERY,
                    Federation.DEFAULT_CEILING, null, FeedState.NEW));
            long start = System.nanoTime();
            PassResult r = federation.sync("bench", Duration.ZERO);
            double rate = r.stored() * 1e9 / (System.nanoTime() - start);
            if (!r.caughtUp() || r.stored() != generate) {
                throw new IllegalStateException("the feed stored " + r.stored() + " of " + generate + ": " + r.error());
            }
            return rate;
        }
    }
}
