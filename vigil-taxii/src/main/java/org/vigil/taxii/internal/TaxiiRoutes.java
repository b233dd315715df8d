package org.vigil.taxii.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.Principal;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiV1;

/**
 * Binds the TAXII endpoints to their paths, with what every request goes through: content negotiation,
 * authentication, TAXII error bodies for every failure, and one log line per request.
 */
public final class TaxiiRoutes {

    public static final String PRINCIPAL = "vigil.principal";
    private static final Logger LOG = LoggerFactory.getLogger("org.vigil.taxii.requests");
    private static final Logger ERRORS = LoggerFactory.getLogger(TaxiiRoutes.class);

    private TaxiiRoutes() {
    }

    public static void install(Javalin app, Hub hub, TaxiiConfig config, ApiV1 api) {
        Endpoints e = new Endpoints(hub, config);
        app.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        app.before(ctx -> {
            if (api.isDocument(ctx.path())) {
                // Public documents (CAP, Atom) are served to anyone in their own media type.
                ctx.attribute(PRINCIPAL, Principal.anonymous());
            } else if (api.isPage(ctx.path())) {
                // Browser pages (the UI) answer in HTML and admit their users by session; the UI's filter does it.
                ctx.attribute(PRINCIPAL, Principal.anonymous());
            } else if (!ctx.path().equals("/healthz")) {
                admit(ctx, hub, api);
            }
        });
        getAndHead(app, "/taxii2/", e::discovery);
        getAndHead(app, "/{root}/", e::apiRoot);
        getAndHead(app, "/{root}/status/{status}/", e::status);
        getAndHead(app, "/{root}/collections/", e::collections);
        getAndHead(app, "/{root}/collections/{collection}/", e::collection);
        getAndHead(app, "/{root}/collections/{collection}/objects/", e::getObjects);
        app.post("/{root}/collections/{collection}/objects/", e::addObjects);
        getAndHead(app, "/{root}/collections/{collection}/objects/{object}/", e::getObject);
        app.delete("/{root}/collections/{collection}/objects/{object}/", e::deleteObject);
        getAndHead(app, "/{root}/collections/{collection}/objects/{object}/versions/", e::versions);
        getAndHead(app, "/{root}/collections/{collection}/manifest/", e::manifest);
        // TAXII's refusals are API exceptions too: one handler writes both, in the media type of the path.
        app.exception(ApiException.class, (ex, ctx) -> error(ctx, ex));
        // Javalin's own refusals (no such endpoint, method not allowed) are TAXII errors too, not plain text.
        app.exception(HttpResponseException.class, (ex, ctx) -> error(ctx, ex.getStatus() == 404
                ? TaxiiException.notFound("resource " + ctx.path())
                : new TaxiiException(ex.getStatus(), HttpStatus.forStatus(ex.getStatus()).getMessage(),
                        ex.getMessage())));
        // A database that cannot be reached is a passing state: the pool reconnects by itself once it is back.
        app.exception(org.vigil.store.StoreException.class, (ex, ctx) -> {
            if (ex.isUnavailable()) {
                ERRORS.warn("{} {}: the store cannot be reached ({})", ctx.method(), ctx.path(), ex.getMessage());
                ctx.header("Retry-After", "5");
                error(ctx, new TaxiiException(503, "Service unavailable", "the server's database cannot be reached "
                        + "just now; send the request again in a few seconds (an object already stored is not "
                        + "stored twice)"));
            } else {
                ERRORS.error("{} {} failed", ctx.method(), ctx.path(), ex);
                error(ctx, new TaxiiException(500, "Internal error", "the server failed to handle this request; "
                        + "the failure is in its log"));
            }
        });
        app.exception(Exception.class, (ex, ctx) -> {
            ERRORS.error("{} {} failed", ctx.method(), ctx.path(), ex);
            error(ctx, new TaxiiException(500, "Internal error", "the server failed to handle this request; "
                    + "the failure is in its log"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, TaxiiException.notFound("resource " + ctx.path()));
            }
        });
        app.error(405, ctx -> error(ctx, new TaxiiException(405, "Method not allowed", ctx.method()
                + " is not supported on " + ctx.path())));
    }

    /**
     * HTTP requires HEAD wherever GET is served, answering as GET would without the body. It runs the GET handler,
     * so its status and headers (Date-Added among them) come from the one read path and are audited as a read; the
     * server leaves the body out.
     */
    private static void getAndHead(Javalin app, String path, Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
    }

    /** Content negotiation first, so that a client that cannot read the answer learns so before anything else. */
    private static void admit(Context ctx, Hub hub, ApiV1 api) {
        if (ApiV1.isApi(ctx.path())) {
            boolean stream = api.isStream(ctx.path()) && ctx.header("Accept") != null
                    && ctx.header("Accept").contains("text/event-stream");
            if (!stream && !MediaTypes.acceptsJson(ctx.header("Accept"))) {
                throw new TaxiiException(406, "Not acceptable", "Vigil's API answers in " + ApiV1.JSON
                        + "; send an Accept header that allows it, or none");
            }
        } else if (!MediaTypes.accepts(ctx.header("Accept"))) {
            throw new TaxiiException(406, "Not acceptable", "this server answers in " + MediaTypes.TAXII
                    + "; send an Accept header that allows it");
        }
        String authorization = ctx.header("Authorization");
        if (ApiV1.isApi(ctx.path()) && (authorization == null || authorization.isBlank())) {
            // The UI's own calls carry its session cookie instead of an Authorization header.
            var session = api.session(ctx);
            if (session.isPresent()) {
                ctx.attribute(PRINCIPAL, session.get());
                return;
            }
        }
        Principal p = Caller.of(ctx, hub.authenticator());
        ctx.attribute(PRINCIPAL, p);
    }

    private static void error(Context ctx, ApiException ex) {
        if (ex.status() == 401 && ctx.attribute(ApiV1.BROWSER_SESSION) == null) {
            ctx.header("WWW-Authenticate", Caller.CHALLENGE);
        }
        var body = JsonOut.error(ex.status(), ex.title(), ex.description());
        if (ApiV1.isApi(ctx.path())) {
            ctx.status(ex.status()).contentType(ApiV1.JSON + ";charset=utf-8")
                    .result(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            Endpoints.send(ctx, ex.status(), body);
        }
    }

    /** One line per request: method, path, status, milliseconds, user. */
    public static void log(Context ctx, Float ms) {
        Principal p = ctx.attribute(PRINCIPAL);
        LOG.info("{} {} {} {}ms {}", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms),
                p == null ? "-" : p.toString());
    }
}
