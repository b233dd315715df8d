package org.vigil.taxii.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.vigil.taxii.internal.PageToken;

/**
 * Vigil's own HTTP API under {@code /api/v1/}, with the conventions of docs/api-v1.md in one place: the caller is
 * worked out as for TAXII, bodies are JSON, refusals are TAXII-shaped errors, and lists page with signed tokens.
 * Modules register their operations here; they never see the HTTP server itself.
 */
public final class ApiV1 {

    public static final String PREFIX = "/api/v1";
    public static final String JSON = "application/json";
    /**
     * Set on a request that came with a browser session: a 401 then carries no Basic challenge, which would make
     * the browser ask for a password in a dialog instead of letting the page send the user to sign in.
     */
    public static final String BROWSER_SESSION = "vigil.browser-session";

    private final Javalin app;
    private final PageToken tokens;
    private final ObjectNode paths = ApiJson.MAPPER.createObjectNode();
    private final List<String> documentPrefixes = new ArrayList<>();
    private final List<String> pagePrefixes = new ArrayList<>();
    private BrowserSessions sessions = ctx -> java.util.Optional.empty();
    private final List<String> streamPaths = new ArrayList<>();

    /** For the HTTP server: binds the API to an app whose request filter applies {@link #isApi}. */
    public ApiV1(Javalin app, byte[] tokenKey) {
        this.app = app;
        this.tokens = new PageToken(tokenKey);
        app.get(PREFIX + "/openapi.json", ctx -> write(ctx, 200, openApi()));
    }

    /** Whether a path belongs to the JSON API (and so negotiates JSON, not TAXII). */
    public static boolean isApi(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Whether a path serves a registered document (served to anyone, in its own media type). */
    public boolean isDocument(String path) {
        return documentPrefixes.stream().anyMatch(path::startsWith);
    }

    /** Whether a path is a browser page (the UI), which answers in HTML and signs its users in itself. */
    public boolean isPage(String path) {
        return pagePrefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /**
     * Browser pages under {@code prefix} (the UI): exempt from TAXII negotiation and credentials, because the
     * module answers them in HTML and admits their users by its own session; {@code routes} adds their handlers.
     */
    public void pages(String prefix, java.util.function.Consumer<Javalin> routes) {
        pagePrefixes.add(prefix);
        routes.accept(app);
    }

    /** Lets API calls from the UI's pages use its session cookie as a credential. */
    public void acceptSessions(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    /** The principal a request's browser session stands for, if it carries one; for the request filter. */
    public java.util.Optional<org.vigil.access.Principal> session(Context ctx) {
        return sessions.principal(ctx);
    }

    /** A browser session as a credential for API calls. */
    @FunctionalInterface
    public interface BrowserSessions {
        /**
         * The user a request's session stands for; empty when it carries no session cookie. Throws
         * {@link ApiException} to refuse one (an expired session, a change without its CSRF token).
         */
        java.util.Optional<org.vigil.access.Principal> principal(Context ctx);
    }

    /** Whether a path serves a registered event stream (negotiates text/event-stream, not JSON). */
    public boolean isStream(String path) {
        return streamPaths.contains(path);
    }

    /**
     * A Server-Sent Events stream at a fixed path (no path parameters). The handler checks the request and opens
     * the stream (a refusal it throws is an ordinary error answer); the request then waits asynchronously, holding
     * no thread, while a small scheduler shared by every stream polls it every {@code every} until it ends or the
     * client leaves.
     */
    public void stream(String path, java.time.Duration every, StreamHandler handler) {
        streamPaths.add(PREFIX + path);
        app.get(PREFIX + path, ctx -> {
            ApiCall call = new ApiCall(ctx, tokens);
            ctx.status(200).contentType("text/event-stream;charset=utf-8").header("Cache-Control", "no-store");
            OpenStream stream = handler.open(call, new EventSink(ctx.res().getOutputStream()));
            CompletableFuture<Void> done = new CompletableFuture<>();
            // Called once the request is asynchronous, so polls never write while the handler's thread still does.
            ctx.future(() -> {
                ctx.req().getAsyncContext().setTimeout(0);
                StreamPolls.start(stream, every, done);
                return done;
            });
        });
    }

    /** Opens one Server-Sent Events stream for a request. */
    @FunctionalInterface
    public interface StreamHandler {
        OpenStream open(ApiCall call, EventSink sink) throws Exception;
    }

    /** An open stream, polled until it ends. */
    @FunctionalInterface
    public interface OpenStream {
        /**
         * Sends what is new, if anything, without waiting for more; false once the stream is over. An
         * {@link java.io.IOException} means the client left.
         */
        boolean poll() throws Exception;
    }

    public void get(String path, ApiHandler handler) {
        app.get(PREFIX + path, json(handler));
    }

    public void post(String path, ApiHandler handler) {
        app.post(PREFIX + path, json(handler));
    }

    public void delete(String path, ApiHandler handler) {
        app.delete(PREFIX + path, json(handler));
    }

    /**
     * A document outside the JSON API (e.g. {@code /alerts/feed.atom}); {@code prefix} is the fixed start of its
     * path, which the server exempts from TAXII content negotiation.
     */
    public void document(String prefix, String path, DocumentHandler handler) {
        documentPrefixes.add(prefix);
        app.get(path, ctx -> {
            Document d = handler.handle(new ApiCall(ctx, tokens));
            ctx.status(200).contentType(d.mediaType()).result(d.body());
        });
    }

    /** Adds the OpenAPI 3.1 path items a module ships (a JSON object keyed by path, relative to /api/v1). */
    public void describe(InputStream pathItems) {
        try (InputStream in = pathItems) {
            if (in == null) {
                throw new IllegalArgumentException("the OpenAPI description resource is missing");
            }
            JsonNode node = ApiJson.MAPPER.readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                paths.set(PREFIX + e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an OpenAPI description: " + e.getMessage(), e);
        }
    }

    /** One operation producing a document of its own type. */
    @FunctionalInterface
    public interface DocumentHandler {
        Document handle(ApiCall call) throws Exception;
    }

    private Handler json(ApiHandler handler) {
        return ctx -> {
            Object out = handler.handle(new ApiCall(ctx, tokens));
            if (out instanceof ApiResponse r) {
                write(ctx, r.status(), r.body());
            } else {
                write(ctx, 200, out);
            }
        };
    }

    static void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON + ";charset=utf-8")
                    .result(ApiJson.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API answer could not be written as JSON", e);
        }
    }

    private static final String TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";

    /** The TAXII 2.1 endpoints beside this API, described once in a resource: their paths and schemas. */
    private static JsonNode taxiiDescription() {
        try (InputStream in = ApiV1.class.getResourceAsStream("taxii-openapi.json")) {
            return ApiJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TAXII endpoints' OpenAPI description", e);
        }
    }

    private ObjectNode openApi() {
        ObjectNode doc = ApiJson.MAPPER.createObjectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Vigil API");
        info.put("version", "1");
        info.put("description", "Vigil's own HTTP API under /api/v1 (JSON bodies, TAXII-shaped errors) and its "
                + "TAXII 2.1 endpoints, both with HTTP Basic or Bearer tokens.");
        ObjectNode security = doc.putObject("components").putObject("securitySchemes");
        security.putObject("basic").put("type", "http").put("scheme", "basic");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode components = (ObjectNode) doc.get("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("responses").putObject("Error").put("description", "A TAXII-shaped error")
                .putObject("content").putObject(JSON).putObject("schema").put("$ref", "#/components/schemas/Error");
        ObjectNode error = schemas.putObject("Error").put("type", "object");
        error.putArray("required").add("title").add("http_status");
        ObjectNode props = error.putObject("properties");
        props.putObject("title").put("type", "string");
        props.putObject("description").put("type", "string");
        props.putObject("http_status").put("type", "string");
        props.putObject("details").put("type", "object");
        JsonNode taxii = taxiiDescription();
        schemas.setAll((ObjectNode) taxii.path("schemas"));
        components.with("responses").putObject("TaxiiError").put("description", "A TAXII error")
                .putObject("content").putObject(TAXII_MEDIA_TYPE).putObject("schema")
                .put("$ref", "#/components/schemas/TaxiiError");
        ObjectNode all = ((ObjectNode) taxii.path("paths")).deepCopy();
        all.setAll(paths.deepCopy());
        doc.set("paths", all);
        return doc;
    }
}
