package org.vigil.federation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.federation.FederationProvenance;
import org.vigil.stix.StixObject;
import org.vigil.store.AddResult;
import org.vigil.store.Feed;
import org.vigil.store.FeedProgress;
import org.vigil.store.FeedState;
import org.vigil.store.Status;
import org.vigil.taxii.TaxiiClient;

/**
 * One pass of a pull: pages of the remote collection from the feed's cursor on, each page through the write path
 * with the cursor it reaches in the same transaction. A page is held only while it is stored.
 */
public final class Puller {

    private static final Logger LOG = LoggerFactory.getLogger(Puller.class);

    private final WritePath writes;
    private final int pageSize;
    private final String holder;

    public Puller(WritePath writes, int pageSize, String holder) {
        this.writes = writes;
        this.pageSize = pageSize;
        this.holder = holder;
    }

    /** Pulls until the remote has nothing more; returns the feed's state then. */
    public FeedState pass(Feed feed, Principal account, CollectionView into, TaxiiClient remote) {
        String start = feed.state().cursor() != null ? feed.state().cursor() : feed.addedAfter();
        String cursor = start;
        FeedState state = feed.state();
        // medallion's next is only valid with the same filters and limit as the first request, so they stay.
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("limit", Integer.toString(pageSize));
        // Every version, not the TAXII default of the newest only: versions are kept as versions.
        filters.put("match[version]", "all");
        if (start != null) {
            filters.put("added_after", start);
        }
        Instant passStarted = null;
        String next = null;
        String path = "feed " + feed.name() + " pull from " + feed.url();
        while (true) {
            Map<String, String> query = new LinkedHashMap<>(filters);
            if (next != null) {
                query.put("next", next);
            }
            TaxiiClient.Response r = remote.get("objects/", query);
            JsonNode body = r.expect(200);
            passStarted = passStarted != null ? passStarted : serverTime(r);
            boolean more = body != null && body.path("more").asBoolean(false);
            String nextToken = body == null || !body.path("next").isTextual() ? null : body.path("next").asText();
            String last = r.header("X-TAXII-Date-Added-Last");
            Page page = page(feed, body);
            String reached = last != null ? PullCursor.beforeLast(last)
                    : more ? cursor : PullCursor.afterPassWithoutHeaders(passStarted, start);
            reached = PullCursor.later(cursor, reached);
            state = store(feed, account, into, page, reached, state, path);
            cursor = reached;
            if (!more) {
                return state;
            }
            if (nextToken != null) {
                next = nextToken;
            } else {
                // A server that pages by added_after alone: ask again after the page, or after its last instant
                // when the whole page shared it (resuming before it would return the same page for ever).
                String first = r.header("X-TAXII-Date-Added-First");
                String after = last == null ? null : last.equals(first) ? last : cursor;
                if (after == null) {
                    throw new IllegalStateException("the remote says there is more but gives neither next nor "
                            + "X-TAXII-Date-Added-Last, so there is no way to ask for the rest");
                }
                filters.put("added_after", after);
                next = null;
            }
        }
    }

    /** The objects of a page that may come in, and how many the ceiling kept out. */
    private record Page(List<WritePath.Item> items, long aboveCeiling) {
    }

    private Page page(Feed feed, JsonNode body) {
        List<WritePath.Item> items = new ArrayList<>();
        long above = 0;
        JsonNode objects = body == null ? null : body.path("objects");
        if (objects == null || !objects.isArray()) {
            return new Page(items, 0);
        }
        int i = 0;
        for (JsonNode node : objects) {
            String where = "objects[" + i++ + "]";
            if (!(node instanceof ObjectNode json)) {
                items.add(WritePath.Item.unreadable(where, "not a JSON object"));
                continue;
            }
            StixObject object = StixObject.of(json);
            if (Ceiling.above(object, feed.ceiling())) {
                above++;
                LOG.info("feed {}: {} is marked {}, above the feed's ceiling {}; not taken", feed.name(),
                        object.id(), Ceiling.levelOf(object).orElseThrow(), feed.ceiling());
                continue;
            }
            items.add(WritePath.Item.of(object.id() == null ? object
                    : FederationProvenance.mark(object, feed.name(), feed.url())));
        }
        return new Page(items, above);
    }

    /** Stores a page with the state it leads to, in one transaction; logs what was refused and why. */
    private FeedState store(Feed feed, Principal account, CollectionView into, Page page, String reached,
                            FeedState before, String path) {
        AtomicReference<FeedState> after = new AtomicReference<>();
        int offered = page.items().size();
        Status status = writes.add(account, into, page.items(), path, new FeedProgress(feed.id(), holder, results -> {
            long stored = results.stream().filter(r -> r.outcome() == AddResult.Outcome.STORED).count();
            FeedState s = before.plus(reached, stored, results.size() - stored, offered - results.size(),
                    page.aboveCeiling());
            after.set(s);
            return s;
        }));
        for (Status.Detail failure : status.failures()) {
            LOG.warn("feed {}: refused {} from {}: {}", feed.name(), failure.id(), feed.url(), failure.message());
        }
        return after.get();
    }

    /** The remote's clock at a response (its Date header), else ours. */
    private static Instant serverTime(TaxiiClient.Response r) {
        String date = r.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                LOG.debug("unreadable Date header {}", date);
            }
        }
        return Instant.now();
    }
}
