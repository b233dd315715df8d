package org.vigil.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
import org.vigil.taxii.api.ApiV1;
import org.vigil.taxii.api.EventSink;

/**
 * {@code GET /api/v1/stream?collection=…&type=…}: new objects the caller may see, as Server-Sent Events, read
 * through the read path. Every event's id holds the position reached in each collection, so a client that
 * reconnects with {@code Last-Event-ID} continues right after the last event it got: no gap and no repeat. Without
 * one, the stream starts with what arrives from now on. Streams hold no thread while idle: the API's scheduler
 * polls each one every {@link #POLL}, and a poll reads a collection only when the newest date_added of every
 * collection (read once for all streams, at most every {@link #NEWEST_FOR}) shows something past the stream's
 * position.
 */
final class LiveStream {

    static final java.time.Duration POLL = java.time.Duration.ofMillis(500);
    private static final long NEWEST_FOR = 200;
    private static final int BATCH = 100;
    /** Pages one poll sends at most, so that a stream far behind does not keep a poller from the others. */
    private static final int PAGES_A_POLL = 10;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private final Clock clock;
    private Map<UUID, Long> newest = Map.of();
    private long newestAt;

    LiveStream(ReadPath reads, Store store, String apiRoot, Clock clock) {
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
        this.clock = clock;
    }

    /** Checks the request, sends the headers at once (so the client knows it is connected) and opens the stream. */
    ApiV1.OpenStream open(ApiCall call, EventSink sink) throws IOException {
        Principal p = call.principal();
        List<CollectionView> views = views(p, call.queryAll("collection"));
        List<String> types = call.queryAll("type");
        Map<UUID, Long> position = resume(call.header("Last-Event-ID").or(() -> call.query("last_event_id")));
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        views.forEach(v -> position.putIfAbsent(v.collection().id(), now));
        sink.keepAlive();
        return new Open(p, views, types, position, sink, call.request());
    }

    /** Each collection's newest date_added, shared by every stream for a moment so that idle polls cost nothing. */
    private synchronized Map<UUID, Long> newest() {
        long now = System.currentTimeMillis();
        if (now - newestAt >= NEWEST_FOR) {
            Map<UUID, Long> out = new HashMap<>();
            store.lastAdded(apiRoot).forEach((c, cursor) -> out.put(c, cursor.dateAddedMicros()));
            newest = out;
            newestAt = now;
        }
        return newest;
    }

    /** One client's stream: where it stands in each collection, and how far each was found to hold nothing more. */
    private final class Open implements ApiV1.OpenStream {
        private final Principal principal;
        private final List<CollectionView> views;
        private final List<String> types;
        private final Map<UUID, Long> position;
        private final Map<UUID, Long> checked = new HashMap<>();
        private final EventSink sink;
        private final String request;
        private long quietSince = System.currentTimeMillis();

        Open(Principal principal, List<CollectionView> views, List<String> types, Map<UUID, Long> position,
             EventSink sink, String request) {
            this.principal = principal;
            this.views = views;
            this.types = types;
            this.position = position;
            this.sink = sink;
            this.request = request;
        }

        @Override
        public boolean poll() throws IOException {
            Map<UUID, Long> top = newest();
            boolean sent = false;
            for (CollectionView v : views) {
                UUID c = v.collection().id();
                long seen = Math.max(position.get(c), checked.getOrDefault(c, Long.MIN_VALUE));
                Long known = top.get(c);
                if (known == null || known > seen) {
                    sent |= drain(v, known);
                }
            }
            long now = System.currentTimeMillis();
            if (sent) {
                quietSince = now;
            } else if (now - quietSince > KEEP_ALIVE_MILLIS) {
                sink.keepAlive(); // also finds out whether the client is still there
                quietSince = now;
            }
            return true;
        }

        /** Sends what lies past the position in one collection; once all is read, notes how far it looked. */
        private boolean drain(CollectionView v, Long newestThere) throws IOException {
            UUID c = v.collection().id();
            boolean sent = false;
            for (int pages = 0; pages < PAGES_A_POLL; pages++) {
                ObjectQuery q = ObjectQuery.in(c).types(types).versions(VersionMatch.ALL).limit(BATCH)
                        .after(Cursor.afterMicros(position.get(c))).build();
                ObjectsPage<ReadPath.Dated> page = reads.datedObjects(principal, v, q, request);
                for (ReadPath.Dated d : page.items()) {
                    position.put(c, ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(d.dateAdded())));
                    ObjectNode data = StixJson.newObjectNode();
                    data.put("collection", c.toString());
                    data.put("date_added", d.dateAdded());
                    data.set("object", d.object().object().json());
                    sink.send(eventId(position), Webhooks.OBJECT_ADDED, data.toString());
                    sent = true;
                }
                if (!page.more()) {
                    // Nothing this caller may see lies before the newest date_added read before the query.
                    if (newestThere != null) {
                        checked.put(c, newestThere);
                    }
                    break;
                }
            }
            return sent;
        }
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
