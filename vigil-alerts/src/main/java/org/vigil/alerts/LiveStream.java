package org.vigil.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.stix.StixJson;
import org.vigil.store.Collection;
import org.vigil.store.Cursor;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;
import org.vigil.store.VersionMatch;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.EventSink;

/**
 * {@code GET /api/v1/stream?collection=…&type=…}: new objects the caller may see, as Server-Sent Events, read
 * through the read path. Every event's id holds the position reached in each collection, so a client that
 * reconnects with {@code Last-Event-ID} continues right after the last event it got: no gap and no repeat. Without
 * one, the stream starts with what arrives from now on.
 */
final class LiveStream {

    private static final int BATCH = 100;
    private static final long IDLE_MILLIS = 500;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private final Clock clock;

    LiveStream(ReadPath reads, Store store, String apiRoot, Clock clock) {
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
        this.clock = clock;
    }

    /** Streams until the client leaves or the server stops; neither is a failure. */
    void serve(ApiCall call, EventSink sink) {
        try {
            stream(call, sink);
        } catch (IOException gone) {
            // The client closed the connection; it resumes with Last-Event-ID when it comes back.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void stream(ApiCall call, EventSink sink) throws IOException, InterruptedException {
        Principal p = call.principal();
        List<CollectionView> views = views(p, call.queryAll("collection"));
        List<String> types = call.queryAll("type");
        Map<UUID, Long> position = resume(call.header("Last-Event-ID").or(() -> call.query("last_event_id")));
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        views.forEach(v -> position.putIfAbsent(v.collection().id(), now));
        sink.keepAlive(); // sends the headers at once, so the client knows it is connected
        long quietSince = System.currentTimeMillis();
        while (!Thread.currentThread().isInterrupted()) {
            boolean sent = false;
            for (CollectionView v : views) {
                sent |= drain(p, v, types, position, sink, call.request());
            }
            if (sent) {
                quietSince = System.currentTimeMillis();
            } else {
                if (System.currentTimeMillis() - quietSince > KEEP_ALIVE_MILLIS) {
                    sink.keepAlive();
                    quietSince = System.currentTimeMillis();
                }
                Thread.sleep(IDLE_MILLIS);
            }
        }
    }

    private boolean drain(Principal p, CollectionView v, List<String> types, Map<UUID, Long> position, EventSink sink,
                          String request) throws IOException {
        UUID c = v.collection().id();
        ObjectQuery q = ObjectQuery.in(c).types(types).versions(VersionMatch.ALL).limit(BATCH)
                .after(Cursor.afterMicros(position.get(c))).build();
        ObjectsPage<ReadPath.Dated> page = reads.datedObjects(p, v, q, request);
        for (ReadPath.Dated d : page.items()) {
            position.put(c, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(d.dateAdded())));
            ObjectNode data = StixJson.newObjectNode();
            data.put("collection", c.toString());
            data.put("date_added", d.dateAdded());
            data.set("object", d.object().object().json());
            sink.send(eventId(position), Webhooks.OBJECT_ADDED, data.toString());
        }
        return !page.items().isEmpty();
    }

    /** The collections asked for (all the caller may read when none), each one the caller may read. */
    private List<CollectionView> views(Principal p, List<String> asked) {
        List<CollectionView> out = new ArrayList<>();
        if (asked.isEmpty()) {
            for (Collection c : store.collections(apiRoot)) {
                if (!c.id().equals(AlertSchema.DRAFTS)) {
                    reads.collection(p, apiRoot, c.id()).filter(CollectionView::canRead).ifPresent(out::add);
                }
            }
            return out;
        }
        for (String ref : asked) {
            Optional<UUID> id = parse(ref).or(() -> store.collectionByAlias(apiRoot, ref).map(Collection::id));
            out.add(id.flatMap(c -> reads.collection(p, apiRoot, c)).filter(CollectionView::canRead)
                    .orElseThrow(() -> ApiException.notFound("collection " + ref)));
        }
        return out;
    }

    /** An event id: every collection's position, so that one id resumes them all. */
    static String eventId(Map<UUID, Long> position) {
        StringBuilder b = new StringBuilder();
        position.forEach((c, micros) -> b.append(b.length() == 0 ? "" : ",").append(c).append('=').append(micros));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<UUID, Long> resume(Optional<String> lastEventId) {
        Map<UUID, Long> out = new LinkedHashMap<>();
        if (lastEventId.isEmpty() || lastEventId.get().isBlank()) {
            return out;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(lastEventId.get().trim()), StandardCharsets.UTF_8);
            for (String part : text.split(",")) {
                String[] kv = part.split("=", 2);
                out.put(UUID.fromString(kv[0]), Long.parseLong(kv[1]));
            }
            return out;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiException.badRequest("Last-Event-ID is not an id this stream gave out; reconnect without it to "
                    + "start from now");
        }
    }

    private static Optional<UUID> parse(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
