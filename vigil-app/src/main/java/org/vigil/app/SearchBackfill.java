package org.vigil.app;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.IndexBackfill;
import org.vigil.store.Store;

/**
 * Brings objects stored before the search and reference index existed into it, a batch at a time, through the
 * store's resumable backfill: {@code vigil serve} runs it in the background on every node (they share the work
 * through the store), {@code vigil index rebuild} in the foreground.
 */
final class SearchBackfill implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBackfill.class);
    /** Objects per transaction: small enough that writers never wait long for the collection's lock. */
    static final int BATCH = 500;

    private final Thread thread;
    private volatile boolean stopping;

    private SearchBackfill(Store store, Duration pause) {
        thread = new Thread(() -> runInBackground(store, pause), "vigil-search-backfill");
        thread.setDaemon(true);
    }

    /**
     * Runs the backfill in a background thread until it is finished or closed, pausing between batches so that
     * requests keep most of the database; does nothing when there is nothing to backfill.
     */
    static SearchBackfill start(Store store, Duration pause) {
        SearchBackfill b = new SearchBackfill(store, pause);
        if (!store.indexBackfill().finished()) {
            b.thread.start();
        }
        return b;
    }

    /** Runs the backfill to its end in this thread, telling {@code progress} after each batch. */
    static IndexBackfill runToEnd(Store store, int batch, Consumer<IndexBackfill> progress) {
        IndexBackfill now = store.indexBackfill();
        while (!now.finished()) {
            now = store.backfillIndex(batch);
            progress.accept(now);
        }
        return now;
    }

    private void runInBackground(Store store, Duration pause) {
        LOG.info("indexing objects stored before the search index existed, in the background");
        try {
            IndexBackfill now = store.indexBackfill();
            while (!stopping && !now.finished()) {
                now = store.backfillIndex(BATCH);
                Thread.sleep(pause.toMillis());
            }
            if (now.finished()) {
                LOG.info("search index backfill finished: {} objects looked at, {} added", now.scanned(),
                        now.indexed());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The progress is in the store: the next start, or vigil index rebuild, carries on from there.
            LOG.warn("search index backfill stopped: {}; it resumes at the next start or with vigil index rebuild",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
