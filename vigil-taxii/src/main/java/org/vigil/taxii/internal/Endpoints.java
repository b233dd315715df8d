package org.vigil.taxii.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.stix.BundleReader;
import org.vigil.stix.Finding;
import org.vigil.stix.StixFormatException;
import org.vigil.stix.StixObject;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Cursor;
import org.vigil.store.ManifestEntry;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Status;
import org.vigil.store.VersionEntry;
import org.vigil.store.VersionMatch;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;

/** The TAXII 2.1 endpoints; each reads through the hub's read path and writes through its write path. */
public final class Endpoints {

    private final Hub hub;
    private final TaxiiConfig config;
    private final PageToken tokens;

    public Endpoints(Hub hub, TaxiiConfig config) {
        this.hub = hub;
        this.config = config;
        this.tokens = new PageToken(config.tokenKey());
    }

    public void discovery(Context ctx) {
        Filters.of(ctx.queryParamMap(), Filters.NONE);
        ObjectNode d = JsonOut.object();
        d.put("title", config.title());
        if (config.description() != null) {
            d.put("description", config.description());
        }
        ArrayNode roots = d.putArray("api_roots");
        List<ApiRoot> all = hub.reads().apiRoots();
        for (ApiRoot r : all) {
            roots.add(base(ctx) + "/" + r.name() + "/");
        }
        if (!all.isEmpty()) {
            d.put("default", base(ctx) + "/" + all.get(0).name() + "/");
        }
        send(ctx, 200, d);
    }

    public void apiRoot(Context ctx) {
        Filters.of(ctx.queryParamMap(), Filters.NONE);
        ApiRoot root = root(ctx);
        ObjectNode r = JsonOut.object();
        r.put("title", root.title());
        if (root.description() != null) {
            r.put("description", root.description());
        }
        r.putArray("versions").add(MediaTypes.TAXII);
        r.put("max_content_length", root.maxContentLength());
        send(ctx, 200, r);
    }

    public void status(Context ctx) {
        Filters.of(ctx.queryParamMap(), Filters.NONE);
        ApiRoot root = root(ctx);
        Principal p = principal(ctx);
        UUID id = uuid(ctx.pathParam("status"), "status");
        Status s = hub.reads().status(p, root.name(), id).orElseThrow(() -> hidden(p, "status " + id));
        send(ctx, 200, JsonOut.status(s));
    }

    public void collections(Context ctx) {
        Filters.of(ctx.queryParamMap(), Filters.NONE);
        ApiRoot root = root(ctx);
        Principal p = principal(ctx);
        ObjectNode body = JsonOut.object();
        List<CollectionView> views = hub.reads().collections(p, root.name(), ctx.path());
        if (!views.isEmpty()) {
            ArrayNode list = body.putArray("collections");
            views.forEach(v -> list.add(describe(v)));
        }
        send(ctx, 200, body);
    }

    public void collection(Context ctx) {
        Filters.of(ctx.queryParamMap(), Filters.NONE);
        send(ctx, 200, describe(view(ctx, principal(ctx))));
    }

    public void getObjects(Context ctx) {
        Principal p = principal(ctx);
        CollectionView c = readable(ctx, p);
        Filters f = Filters.of(ctx.queryParamMap(), Filters.OBJECTS);
        ObjectsPage<ReleasedObject> page = hub.reads().objects(p, c, query(f, c, p, "objects"), ctx.path());
        sendObjects(ctx, page, f, p, c, "objects");
    }

    public void getObject(Context ctx) {
        Principal p = principal(ctx);
        CollectionView c = readable(ctx, p);
        Filters f = Filters.of(ctx.queryParamMap(), Filters.OBJECT);
        String id = ctx.pathParam("object");
        ObjectQuery q = query(f, c, p, "object:" + id).toBuilder().ids(id).build();
        ObjectsPage<ReleasedObject> page = hub.reads().objects(p, c, q, ctx.path());
        if (page.items().isEmpty() && f.next() == null) {
            throw TaxiiException.notFound("object " + id);
        }
        sendObjects(ctx, page, f, p, c, "object:" + id);
    }

    public void versions(Context ctx) {
        Principal p = principal(ctx);
        CollectionView c = readable(ctx, p);
        Filters f = Filters.of(ctx.queryParamMap(), Filters.VERSIONS);
        String id = ctx.pathParam("object");
        ObjectQuery q = query(f, c, p, "versions:" + id).toBuilder().ids(id).build();
        ObjectsPage<VersionEntry> page = hub.reads().versions(p, c, q, ctx.path());
        if (page.items().isEmpty() && f.next() == null) {
            throw TaxiiException.notFound("object " + id);
        }
        dateHeaders(ctx, page);
        ObjectNode body = JsonOut.object();
        body.put("more", page.more());
        next(body, page, f, p, c, "versions:" + id);
        ArrayNode list = body.putArray("versions");
        page.items().forEach(v -> list.add(v.version()));
        send(ctx, 200, body);
    }

    public void manifest(Context ctx) {
        Principal p = principal(ctx);
        CollectionView c = readable(ctx, p);
        Filters f = Filters.of(ctx.queryParamMap(), Filters.OBJECTS);
        ObjectsPage<ManifestEntry> page = hub.reads().manifest(p, c, query(f, c, p, "manifest"), ctx.path());
        dateHeaders(ctx, page);
        ObjectNode body = JsonOut.object();
        body.put("more", page.more());
        next(body, page, f, p, c, "manifest");
        if (!page.items().isEmpty()) {
            ArrayNode list = body.putArray("objects");
            for (ManifestEntry m : page.items()) {
                ObjectNode row = list.addObject();
                row.put("id", m.id());
                row.put("date_added", m.dateAdded());
                row.put("version", m.version());
                row.put("media_type", m.mediaType());
            }
        }
        send(ctx, 200, body);
    }

    public void addObjects(Context ctx) {
        Principal p = principal(ctx);
        if (p.isAnonymous()) {
            throw Caller.unauthorized("adding objects needs credentials");
        }
        CollectionView c = view(ctx, p);
        if (!c.canWrite()) {
            throw refused(ctx, p, new TaxiiException(403, "Forbidden", "you may read collection "
                    + c.collection().id() + " but not add to it; ask an administrator for a write grant"));
        }
        Filters.of(ctx.queryParamMap(), Filters.NONE);
        if (!MediaTypes.isTaxiiBody(ctx.header("Content-Type"))) {
            throw new TaxiiException(415, "Unsupported media type", "send the envelope as "
                    + MediaTypes.TAXII + ", not " + ctx.header("Content-Type"));
        }
        long max = root(ctx).maxContentLength();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw LimitedInputStream.tooLarge(max);
        }
        List<WritePath.Item> items = readEnvelope(new LimitedInputStream(ctx.bodyInputStream(), max));
        Status status = hub.writes().add(p, c, items, ctx.path());
        send(ctx, 202, JsonOut.status(status));
    }

    public void deleteObject(Context ctx) {
        Principal p = principal(ctx);
        CollectionView c = readable(ctx, p);
        Filters f = Filters.of(ctx.queryParamMap(), Filters.DELETE);
        String id = ctx.pathParam("object");
        ObjectQuery q = f.query(c.collection().id(), config.pageSize()).toBuilder().ids(id).build();
        List<VersionEntry> visible = hub.reads().visibleVersions(p, c, q);
        if (visible.isEmpty()) {
            throw TaxiiException.notFound("object " + id);
        }
        if (!c.canWrite()) {
            throw refused(ctx, p, new TaxiiException(403, "Forbidden", "deleting from collection "
                    + c.collection().id() + " needs a write grant"));
        }
        // Only versions this writer can see: one hidden from them is neither theirs to delete nor to learn of.
        List<String> versions = visible.stream().map(VersionEntry::version).toList();
        hub.writes().delete(p, c, q.toBuilder().versions(VersionMatch.exactly(versions)).build(), ctx.path());
        ctx.status(200);
    }

    /** Streams the envelope's objects; the body is never held whole, only the objects read from it. */
    private List<WritePath.Item> readEnvelope(InputStream body) {
        List<WritePath.Item> items = new ArrayList<>();
        try (BundleReader reader = BundleReader.open(body, "the request body")) {
            for (StixObject o = reader.next(); o != null; o = reader.next()) {
                items.add(WritePath.Item.of(o));
            }
            if (!reader.isBundle()) {
                throw unprocessable("the body must be a TAXII envelope: a JSON object with an objects list, "
                        + "{\"objects\": [ ... ]}");
            }
            for (Finding f : reader.problems()) {
                items.add(WritePath.Item.unreadable("objects[" + f.pointer().substring("/objects/".length()) + "]",
                        f.message()));
            }
        } catch (StixFormatException e) {
            throw e.isWellFormedJson() ? unprocessable(e.getMessage() + "; send a TAXII envelope, {\"objects\": [ ... ]}")
                    : TaxiiException.badRequest(e.getMessage());
        }
        return items;
    }

    private static TaxiiException unprocessable(String description) {
        return new TaxiiException(422, "Unprocessable envelope", description);
    }

    private ObjectQuery query(Filters f, CollectionView c, Principal p, String endpoint) {
        ObjectQuery q = f.query(c.collection().id(), config.pageSize());
        if (f.next() == null) {
            return q;
        }
        String position = tokens.open(f.next(), binding(f, p, c, endpoint));
        try {
            return q.after(Cursor.parse(position));
        } catch (IllegalArgumentException e) {
            throw TaxiiException.badRequest("the next token is malformed; start again without next");
        }
    }

    private String binding(Filters f, Principal p, CollectionView c, String endpoint) {
        return (p.isAnonymous() ? "-" : p.userId().toString()) + "|" + c.collection().id() + "|" + endpoint + "|"
                + f.binding();
    }

    private void next(ObjectNode body, ObjectsPage<?> page, Filters f, Principal p, CollectionView c, String endpoint) {
        page.next().ifPresent(cursor -> body.put("next", tokens.issue(cursor.token(), binding(f, p, c, endpoint))));
    }

    private void sendObjects(Context ctx, ObjectsPage<ReleasedObject> page, Filters f, Principal p, CollectionView c,
                             String endpoint) {
        dateHeaders(ctx, page);
        ctx.status(200).contentType(MediaTypes.TAXII);
        try (JsonGenerator g = JsonOut.generator(ctx.outputStream())) {
            g.writeStartObject();
            g.writeBooleanField("more", page.more());
            if (page.next().isPresent()) {
                g.writeStringField("next", tokens.issue(page.next().get().token(), binding(f, p, c, endpoint)));
            }
            if (!page.items().isEmpty()) {
                g.writeArrayFieldStart("objects");
                for (ReleasedObject o : page.items()) {
                    g.writeRawValue(o.json());
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            // The client went away mid-page; there is nobody left to tell.
            LoggerFactory.getLogger(Endpoints.class).debug("{} {}: client disconnected: {}", ctx.method(), ctx.path(),
                    e.getMessage());
        }
    }

    private static void dateHeaders(Context ctx, ObjectsPage<?> page) {
        if (page.dateAddedFirst() != null) {
            ctx.header("X-TAXII-Date-Added-First", page.dateAddedFirst());
            ctx.header("X-TAXII-Date-Added-Last", page.dateAddedLast());
        }
    }

    private ObjectNode describe(CollectionView v) {
        Collection c = v.collection();
        ObjectNode o = JsonOut.object();
        o.put("id", c.id().toString());
        o.put("title", c.title());
        if (c.description() != null) {
            o.put("description", c.description());
        }
        if (c.alias() != null) {
            o.put("alias", c.alias());
        }
        o.put("can_read", v.canRead());
        o.put("can_write", v.canWrite());
        ArrayNode types = o.putArray("media_types");
        c.mediaTypes().forEach(types::add);
        return o;
    }

    private Principal principal(Context ctx) {
        return ctx.attribute(TaxiiRoutes.PRINCIPAL);
    }

    private ApiRoot root(Context ctx) {
        String name = ctx.pathParam("root");
        return hub.reads().apiRoot(name).orElseThrow(() -> hidden(principal(ctx), "API root " + name));
    }

    /** A collection the caller can read or write; anything else answers exactly as a missing one. */
    private CollectionView view(Context ctx, Principal p) {
        ApiRoot root = root(ctx);
        UUID id = uuid(ctx.pathParam("collection"), "collection");
        return hub.reads().collection(p, root.name(), id)
                .orElseThrow(() -> refused(ctx, p, hidden(p, "collection " + id)));
    }

    /**
     * A collection the caller can read. One they may only write to is no secret (it is in their collection list),
     * so they are told why they get nothing, as a reader who writes is told why they cannot.
     */
    private CollectionView readable(Context ctx, Principal p) {
        CollectionView c = view(ctx, p);
        if (!c.canRead()) {
            throw refused(ctx, p, new TaxiiException(403, "Forbidden", "you may add objects to collection "
                    + c.collection().id() + " but not read them; ask an administrator for a read grant"));
        }
        return c;
    }

    /**
     * Records that a user was refused a collection, so that the audit log shows who tried to reach what they may
     * not. Anonymous callers are left out: they name nobody, and the failed logins are recorded already.
     */
    private TaxiiException refused(Context ctx, Principal p, TaxiiException e) {
        if (!p.isAnonymous()) {
            hub.reads().recordRefusal(p, ctx.method() + " " + ctx.path(), e.status() + ": " + e.description());
        }
        return e;
    }

    /** For an anonymous caller, "log in" (401); for a user, "not found" (404): neither reveals existence. */
    private static TaxiiException hidden(Principal p, String what) {
        return p.isAnonymous() ? Caller.unauthorized(what + " needs credentials, or does not exist")
                : TaxiiException.notFound(what);
    }

    private static UUID uuid(String s, String what) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw TaxiiException.notFound(what + " " + s);
        }
    }

    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(MediaTypes.TAXII)
                .result(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
