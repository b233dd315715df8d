package org.vigil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;

/**
 * A fresh installation for a bench: a temporary data directory (removed on close) on the embedded store, or on the
 * store a JDBC URL names, and its HTTP server on a free loopback port when asked for.
 */
final class BenchInstallation implements AutoCloseable {

    final Installation hub;
    private final Path data;

    private BenchInstallation(Installation hub, Path data) {
        this.hub = hub;
        this.data = data;
    }

    /** @param storeUrl a {@code jdbc:postgresql://} URL, or null for a fresh SQLite file */
    static BenchInstallation open(String storeUrl) throws IOException {
        Path data = Files.createTempDirectory("vigil-bench-");
        Map<String, String> flags = new HashMap<>(Map.of("data", data.toString()));
        if (storeUrl != null) {
            flags.put("store.url", storeUrl);
        }
        try {
            return new BenchInstallation(Installation.open(Settings.load(Map.of(), flags)), data);
        } catch (RuntimeException e) {
            ServeCommand.deleteTree(data);
            throw e;
        }
    }

    /** TAXII and Vigil's API on a free loopback port, wired as vigil serve wires them. */
    TaxiiServer serve() {
        TaxiiConfig config = new TaxiiConfig("127.0.0.1", 0, "bench", null, null, null, 1000, hub.tokenKey());
        return TaxiiServer.start(new Hub(hub.authenticator, hub.reads, hub.writes), config, hub.apiModules());
    }

    @Override
    public void close() throws IOException {
        try {
            hub.close();
        } finally {
            ServeCommand.deleteTree(data);
        }
    }
}
