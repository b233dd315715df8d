package org.vigil.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.Feed;
import org.vigil.store.Store;

/**
 * Runs every feed on its schedule: it looks at the store's feeds at each tick, so feeds added or removed while
 * it runs are picked up, and starts a pass of each feed that is due and not leased by another node.
 */
public final class FeedScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduler.class);

    private final Store store;
    private final Federation federation;
    private final ScheduledExecutorService ticker;
    private final ExecutorService passes;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    private FeedScheduler(Store store, Federation federation, int parallel) {
        this.store = store;
        this.federation = federation;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("vigil-feed-scheduler"));
        this.passes = Executors.newFixedThreadPool(parallel, daemon("vigil-feed-pass"));
    }

    /** Starts looking for due feeds every {@code tick}, running up to {@code parallel} passes at once. */
    public static FeedScheduler start(Store store, Federation federation, Duration tick, int parallel) {
        FeedScheduler s = new FeedScheduler(store, federation, parallel);
        s.ticker.scheduleWithFixedDelay(s::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            for (Feed feed : store.feeds()) {
                if (due(feed, now) && running.add(feed.id())) {
                    passes.submit(() -> run(feed));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for due feeds failed: {}", e.getMessage());
        }
    }

    private void run(Feed feed) {
        try {
            federation.runIfFree(feed);
        } catch (RuntimeException e) {
            LOG.warn("feed {}: {}", feed.name(), e.getMessage());
        } finally {
            running.remove(feed.id());
        }
    }

    static boolean due(Feed feed, Instant now) {
        Instant last = feed.state().lastSync();
        return last == null || !last.plus(feed.every()).isAfter(now);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        passes.shutdownNow();
        try {
            passes.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
