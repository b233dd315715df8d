package org.vigil.taxii.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few threads that poll every open Server-Sent Events stream, so that idle clients hold no thread of their
 * own: a stream costs a scheduled task and its connection. A poll that writes to a client that stopped reading
 * blocks one of these threads until the connection times out, which is why there are a few rather than one.
 */
final class StreamPolls {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPolls.class);
    private static final int THREADS = 4;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ScheduledExecutorService POLLS = Executors.newScheduledThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "vigil-stream-poll-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private StreamPolls() {
    }

    /** Polls a stream every {@code every} until it ends, its client leaves or {@code done} is completed. */
    static void start(ApiV1.OpenStream stream, Duration every, CompletableFuture<Void> done) {
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            boolean going;
            try {
                going = !done.isDone() && stream.poll();
            } catch (IOException gone) {
                going = false; // the client closed the connection; it resumes with Last-Event-ID when it comes back
            } catch (Exception e) {
                LOG.warn("an event stream failed and was closed: {}", e.getMessage());
                going = false;
            }
            if (!going) {
                ScheduledFuture<?> f = task.get();
                if (f != null) {
                    f.cancel(false);
                }
                done.complete(null);
            }
        };
        task.set(POLLS.scheduleWithFixedDelay(poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
        // The connection may have gone (or the server stopped) before the first poll; stop polling then too.
        done.whenComplete((v, e) -> task.get().cancel(false));
    }
}
