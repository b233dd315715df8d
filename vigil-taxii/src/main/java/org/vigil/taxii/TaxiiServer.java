package org.vigil.taxii;

import io.javalin.Javalin;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.vigil.taxii.api.ApiModule;
import org.vigil.taxii.api.ApiV1;
import org.vigil.taxii.internal.TaxiiErrorHandler;
import org.vigil.taxii.internal.TaxiiRoutes;

/** Vigil's TAXII 2.1 server: started on a host and port, over TLS when a keystore is configured. */
public final class TaxiiServer implements AutoCloseable {

    private final Javalin app;

    private TaxiiServer(Javalin app) {
        this.app = app;
    }

    public static TaxiiServer start(Hub hub, TaxiiConfig config) {
        return start(hub, config, java.util.List.of());
    }

    /** Starts the server with Vigil's own API beside TAXII, each module adding its operations under /api/v1/. */
    public static TaxiiServer start(Hub hub, TaxiiConfig config, java.util.List<ApiModule> modules) {
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.router.ignoreTrailingSlashes = true;
            c.router.treatMultipleSlashesAsSingleSlash = true;
            c.http.prefer405over404 = true;
            // Pages of thousands of objects shrink several times over; a client that sends Accept-Encoding: gzip
            // gets them compressed, others as they are. Said here rather than left to the library's default.
            c.http.gzipOnlyCompression();
            c.jetty.modifyServer(server -> server.setErrorHandler(new TaxiiErrorHandler()));
            c.requestLogger.http(TaxiiRoutes::log);
            if (config.keystore() != null) {
                c.jetty.addConnector((server, http) -> tls(server, http, config));
            }
        });
        ApiV1 api = new ApiV1(app, config.tokenKey());
        TaxiiRoutes.install(app, hub, config, api);
        modules.forEach(m -> m.install(api));
        if (config.keystore() != null) {
            app.start();
        } else {
            app.start(config.host(), config.port());
        }
        return new TaxiiServer(app);
    }

    private static ServerConnector tls(org.eclipse.jetty.server.Server server, HttpConfiguration http,
                                       TaxiiConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(config.keystorePassword());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
