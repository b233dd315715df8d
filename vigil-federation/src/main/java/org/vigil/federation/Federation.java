package org.vigil.federation;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;
import org.vigil.federation.internal.Puller;
import org.vigil.federation.internal.Pusher;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Feed;
import org.vigil.store.FeedState;
import org.vigil.store.Organisation;
import org.vigil.store.Store;
import org.vigil.store.User;
import org.vigil.taxii.TaxiiClient;

/**
 * Runs federation feeds: a pass pulls a remote collection into a local one through the write path, or pushes a
 * local collection out through the read path, as the feed's local account. A node runs a feed only while it
 * holds the feed's lease in the store, so two nodes (or {@code vigil serve} and {@code vigil feed sync}) never
 * run one feed at once.
 */
public final class Federation implements AutoCloseable {

    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);
    /** By default a pull refuses RED and AMBER+STRICT, which may never leave their source hub. */
    public static final Tlp DEFAULT_CEILING = Tlp.AMBER;

    private static final Logger LOG = LoggerFactory.getLogger(Federation.class);

    private final Store store;
    private final ReadPath reads;
    private final WritePath writes;
    private final FeedSecrets secrets;
    private final FederationSettings settings;
    private final String holder;
    private final ScheduledExecutorService renewals;

    public Federation(Store store, ReadPath reads, WritePath writes, FeedSecrets secrets,
                      FederationSettings settings) {
        this.store = store;
        this.reads = reads;
        this.writes = writes;
        this.secrets = secrets;
        this.settings = settings;
        this.holder = holderName();
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-feed-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /** The secrets sealer, for commands that store a feed. */
    public FeedSecrets secrets() {
        return secrets;
    }

    /**
     * One pass of the named feed, waiting up to {@code wait} for another node's pass to end first.
     *
     * @throws FeedBusyException when the feed stays leased elsewhere
     * @throws IllegalArgumentException when there is no such feed
     */
    public PassResult sync(String name, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Feed feed = store.feed(name).orElseThrow(() -> new IllegalArgumentException("no feed '" + name
                    + "'; see vigil feed list"));
            Optional<PassResult> r = runIfFree(feed);
            if (r.isPresent()) {
                return r.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new FeedBusyException("feed " + name + " is being synced by another process or node; try again"
                        + " when its pass ends (at most " + settings.lease().toSeconds() + " s after that node stops)");
            }
            Thread.sleep(500);
        }
    }

    /** A pass of the feed if its lease is free; empty when another holder has it. */
    public Optional<PassResult> runIfFree(Feed feed) {
        if (!store.leaseFeed(feed.id(), holder, Instant.now().plus(settings.lease()))) {
            return Optional.empty();
        }
        long period = Math.max(1, settings.lease().toMillis() / 3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(feed), period, period,
                TimeUnit.MILLISECONDS);
        try {
            // Read again under the lease: another holder may have moved the cursor since it was listed.
            Feed current = store.feed(feed.name()).filter(f -> f.id().equals(feed.id())).orElse(null);
            if (current == null) {
                return Optional.empty();
            }
            return Optional.of(run(current));
        } finally {
            renewal.cancel(false);
            store.releaseFeed(feed.id(), holder);
        }
    }

    private void renew(Feed feed) {
        try {
            if (!store.leaseFeed(feed.id(), holder, Instant.now().plus(settings.lease()))) {
                LOG.warn("feed {}: lost its lease to another node; this pass stores nothing more", feed.name());
            }
        } catch (RuntimeException e) {
            LOG.warn("feed {}: renewing its lease failed: {}", feed.name(), e.getMessage());
        }
    }

    private PassResult run(Feed feed) {
        FeedState before = feed.state();
        try {
            Principal account = account(feed);
            CollectionView view = view(feed, account);
            TaxiiClient client = client(feed);
            FeedState after = feed.direction() == Feed.Direction.PULL
                    ? new Puller(writes, settings.pageSize(), holder).pass(feed, account, view, client)
                    : new Pusher(store, reads, settings.pageSize(), holder).pass(feed, account, view, client);
            FeedState done = after.synced(Instant.now(), null);
            store.putFeedState(feed.id(), holder, done);
            PassResult r = result(feed, before, done, null);
            LOG.info("feed {}: caught up; {} stored, {} already held, {} refused, {} above the ceiling", feed.name(),
                    r.stored(), r.duplicates(), r.refused(), r.aboveCeiling());
            return r;
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("feed {}: pass failed: {}", feed.name(), error);
            LOG.debug("feed {} failure", feed.name(), e);
            FeedState now = store.feed(feed.name()).map(Feed::state).orElse(before).synced(Instant.now(), error);
            try {
                store.putFeedState(feed.id(), holder, now);
            } catch (RuntimeException ignored) {
                LOG.debug("could not record the error of feed {}", feed.name(), ignored);
            }
            return result(feed, before, now, error);
        }
    }

    private static PassResult result(Feed feed, FeedState before, FeedState after, String error) {
        return new PassResult(feed.name(), after, after.stored() - before.stored(),
                after.duplicates() - before.duplicates(), after.refused() - before.refused(),
                after.aboveCeiling() - before.aboveCeiling(), error);
    }

    private Principal account(Feed feed) {
        User user = store.user(feed.userId()).orElseThrow(() -> new IllegalStateException("the feed's account "
                + feed.userId() + " no longer exists"));
        Organisation org = store.organisation(user.organisationId()).orElseThrow(() -> new IllegalStateException(
                "the organisation of " + user.name() + " no longer exists"));
        return Principal.of(user, org).withClaimedIdentities(store.claimedIdentities(org.id()));
    }

    private CollectionView view(Feed feed, Principal account) {
        Collection c = store.collection(feed.collectionId()).orElseThrow(() -> new IllegalStateException(
                "the feed's collection " + feed.collectionId() + " no longer exists"));
        CollectionView view = reads.collection(account, c.apiRoot(), c.id()).orElseThrow(() ->
                new IllegalStateException(account.name() + " may not use collection " + c.title()
                        + "; grant it with vigil collection grant"));
        boolean allowed = feed.direction() == Feed.Direction.PULL ? view.canWrite() : view.canRead();
        if (!allowed) {
            throw new IllegalStateException(account.name() + " may not " + (feed.direction() == Feed.Direction.PULL
                    ? "write to" : "read") + " collection " + c.title() + "; grant it with vigil collection grant");
        }
        return view;
    }

    private TaxiiClient client(Feed feed) {
        URI base = URI.create(feed.url().endsWith("/") ? feed.url() : feed.url() + "/");
        String secret = secrets.open(feed.name(), feed.sealedSecret());
        TaxiiClient c = feed.remoteUser() != null ? TaxiiClient.basic(base, feed.remoteUser(), secret == null ? ""
                : secret) : secret != null ? TaxiiClient.bearer(base, secret) : TaxiiClient.anonymous(base);
        return c.withTimeout(settings.requestTimeout()).withRetries(settings.attempts(), settings.firstBackoff());
    }

    /** Names this process in leases, so that an operator can tell who holds a feed. */
    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        renewals.shutdownNow();
    }

    /** The feed is leased by another process or node. */
    public static final class FeedBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FeedBusyException(String message) {
            super(message, null, false, false);
        }
    }
}
