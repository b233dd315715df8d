package org.vigil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.federation.FeedScheduler;
import org.vigil.federation.Federation;
import org.vigil.alerts.WebhookDeliverer;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil serve}: the TAXII 2.1 server, on the embedded store unless configured otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the TAXII 2.1 server. Settings come from vigil.yaml/.toml in the data directory, "
                + "then VIGIL_* variables, then these options.")
final class ServeCommand implements Callable<Integer> {

    /**
     * Fetched when the server starts rather than when the command line is built: the first logger configures
     * logging, a tenth of a second that every other command (vigil validate, say) would pay for nothing.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ServeCommand.class);
    }

    /** How often serve looks for feeds that are due, new ones included. */
    private static final java.time.Duration FEED_TICK = java.time.Duration.ofSeconds(10);

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ./data).")
    String data;

    @Option(names = "--host", description = "Address to listen on (default: 127.0.0.1).")
    String host;

    @Option(names = "--port", description = "Port to listen on (default: 8080).")
    Integer port;

    @Option(names = "--demo", description = "Start on a throwaway data directory with ATT&CK for ICS and a demo user.")
    boolean demo;

    /** Counted down once the server and its background work have closed, so that a shutdown may end. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (demo && data != null) {
            throw new Settings.SettingsException("--demo serves a throwaway data directory, so it does not take --data "
                    + data + "; leave out --data for the demo, or leave out --demo to serve " + data);
        }
        Path throwaway = demo ? Files.createTempDirectory("vigil-demo-") : null;
        Map<String, String> flags = new HashMap<>();
        if (throwaway != null) {
            flags.put("data", throwaway.toString());
        } else if (data != null) {
            flags.put("data", data);
        }
        if (host != null) {
            flags.put("host", host);
        }
        if (port != null) {
            flags.put("port", port.toString());
        }
        Settings settings = Settings.load(System.getenv(), flags);
        try (Installation hub = Installation.open(settings)) {
            Demo.Credentials demoUser = demo ? Demo.load(hub) : null;
            try (TaxiiServer server = TaxiiServer.start(new Hub(hub.authenticator, hub.reads, hub.writes), config(hub),
                    hub.apiModules());
                 Federation federation = hub.federation();
                 FeedScheduler feeds = FeedScheduler.start(hub.store, federation, FEED_TICK, 2);
                 WebhookDeliverer deliveries = hub.alerts.startDeliveries(java.time.Duration.ofMillis(500));
                 org.vigil.screen.ContinuousScreening screening = new org.vigil.screen.ContinuousScreening(hub.reads,
                         hub.writes, hub.store, java.time.Clock.systemUTC()).start(java.time.Duration.ofMillis(500));
                 AutoCloseable mailing = hub.alerts.startMailing(java.time.Duration.ofSeconds(2));
                 SearchBackfill backfill = SearchBackfill.start(hub.store, java.time.Duration.ofMillis(50))) {
                String scheme = settings.get("tls.keystore") == null ? "http" : "https";
                String url = scheme + "://" + settings.get("host") + ":" + server.port();
                log().info("Vigil is serving TAXII 2.1 at {}/taxii2/ (data in {}, store {})", url,
                        settings.dataDir().toAbsolutePath(), settings.get("store.url") == null ? "SQLite" : "PostgreSQL");
                if (demoUser != null) {
                    Demo.printWelcome(url, demoUser);
                }
                prepareThePicture(hub);
                awaitShutdown();
            }
        } finally {
            if (throwaway != null) {
                deleteTree(throwaway);
            }
            closed.countDown();
        }
        return 0;
    }

    /** Reads the place index into memory in the background, so that the first picture request need not. */
    private static void prepareThePicture(Installation hub) {
        Thread loader = new Thread(() -> {
            try {
                hub.reads.preparePlaceCounts();
            } catch (RuntimeException e) {
                log().warn("could not read the place index ahead of the first picture request ({}); that request "
                        + "will read it", e.getMessage());
            }
        }, "place-index-load");
        loader.setDaemon(true);
        loader.start();
    }

    private static TaxiiConfig config(Installation hub) {
        Settings s = hub.settings;
        String keystore = s.get("tls.keystore");
        return new TaxiiConfig(s.get("host"), s.getInt("port"), s.get("title"), "Vigil threat-intelligence hub",
                keystore == null ? null : Path.of(keystore), s.get("tls.password"), s.getInt("taxii.page_size"),
                hub.tokenKey());
    }

    /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM); resources close on the way out. */
    private void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log().info("stopping");
            stop.countDown();
            // Waits for the resources to close, not for this command's thread to end: that thread then calls
            // System.exit, which waits for this hook, and the two would wait on each other until the timeout.
            try {
                if (!closed.await(10, TimeUnit.SECONDS)) {
                    log().warn("stopped before everything had closed (still closing after 10 s)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        stop.await();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
