package org.vigil.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * Embedded PostgreSQL servers that a test stops, kills and starts again on the same data directory and port, for
 * the tests of what Vigil does while its database goes away and comes back.
 */
final class PostgresServers {

    private PostgresServers() {
    }

    /** A server on {@code data} (made on first use), with these settings on top of the embedded defaults. */
    static EmbeddedPostgres start(Path data, int port, Map<String, String> settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setPort(port);
        settings.forEach(builder::setServerConfig);
        return builder.start();
    }

    /** A loopback port free now, for a server that must come back on the same one. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
