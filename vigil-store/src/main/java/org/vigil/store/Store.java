package org.vigil.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vigil.stix.StixObject;
import org.vigil.store.internal.StoreFactory;

/**
 * Vigil's persistence: STIX objects and every version of them per collection, collections and API roots,
 * principals, status resources and the audit log. Safe for concurrent use by many threads; close it to release
 * the database.
 *
 * <p>This is raw storage with no access policy: only the access layer's read path may call the object reads for
 * output.
 */
public interface Store extends AutoCloseable {

    /** Opens (and creates or migrates as needed) the store a configuration points at. */
    static Store open(StoreConfig config) {
        return StoreFactory.open(config);
    }

    // Objects

    /**
     * Adds a batch of objects to a collection in one transaction and reports, in order, what became of each.
     * When this returns, the whole batch is committed durably; when it throws, none of it is. Each version
     * stored records who posted it; a version already present keeps its first poster.
     *
     * @param postedBy the user posting the batch, or null for an import made without a user
     * @throws StoreException if the collection or the user does not exist, or the database fails
     * @throws IllegalArgumentException if an object lacks an id or type, or has a malformed timestamp
     */
    List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects);

    /** Adds a batch with no poster recorded, as command-line imports do; see {@link #add(UUID, UUID, List)}. */
    default List<AddResult> add(UUID collectionId, List<StixObject> objects) {
        return add(collectionId, null, objects);
    }

    /**
     * Adds a batch like {@link #add(UUID, UUID, List)} and, in the same transaction, sets a feed's state to what
     * {@code progress} computes from the results; the batch may be empty, to move the state alone.
     *
     * @throws StoreException also when the feed is gone or its lease is no longer {@code progress.holder()}'s
     */
    List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects, FeedProgress progress);

    /**
     * Adds a batch like {@link #add(UUID, UUID, List)} and, in the same transaction, stores the status resource
     * that {@code status} makes of the results: an envelope then costs one durable commit instead of two, and its
     * status exists exactly when its objects do.
     */
    List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects,
                        java.util.function.Function<List<AddResult>, Status> status);

    /** One page of the object versions a query matches, oldest date_added first. */
    Page<StoredObject> objects(ObjectQuery query);

    /** The manifest rows (id, date_added, version, media type) a query matches. */
    Page<ManifestEntry> manifest(ObjectQuery query);

    /**
     * The versions a query matches, with their date_added; for TAXII's versions endpoint, query one id with
     * {@link VersionMatch#ALL}.
     */
    Page<VersionEntry> versions(ObjectQuery query);

    /**
     * The place index's rows for some days: what reports, sightings and relationships say about which places,
     * kept in step with the objects in the transactions that store them. For the threat picture, read by the
     * access layer only, which decides each row.
     */
    List<PlaceLink> placeLinks(PlaceQuery query);

    /** The locations the place index holds in the query's collections (its days and places are ignored). */
    List<Place> places(PlaceQuery query);

    /**
     * The place index's change log after a number, oldest first, at most {@code limit} changes: which objects'
     * rows a copy of the index should read again.
     */
    PlaceIndexChange.Log placeIndexChanges(long afterSeq, int limit);

    /**
     * Hands over the place index's rows, unmerged and undecided, for a copy kept by the access layer: every row when
     * {@code objects} is empty, else the rows of those objects. Streamed, so the whole index never sits in memory
     * as rows.
     */
    void readPlaceIndex(java.util.Set<PlaceIndexRows.Key> objects, PlaceIndexRows rows);

    /** Forgets the place index's changes logged before a time; a copy behind them reads the whole index again. */
    void prunePlaceIndexChanges(java.time.Instant before);

    /**
     * Objects whose newest version holds every word (as a prefix), newest first, from the full-text index kept
     * with the objects. Rows are narrowed to each scope's audience; the access layer decides each one.
     */
    List<SearchQuery.Hit> search(SearchQuery query);

    /**
     * The objects whose newest version references {@code refId} (any *_ref or *_refs property but markings and
     * creator), up to {@code limit} rows, narrowed to each scope's audience; the access layer decides each one.
     */
    List<SearchQuery.Hit> referencing(List<PlaceQuery.Scope> scopes, String refId, int limit);

    /**
     * Adds to the search and reference index up to {@code batch} more of the newest versions stored before the
     * index existed, in one transaction that also moves the backfill's progress on; safe to call from several
     * nodes at once, and a no-op once finished.
     */
    IndexBackfill backfillIndex(int batch);

    /** How far the backfill of the search and reference index has got. */
    IndexBackfill indexBackfill();

    /**
     * Deletes the versions of one object that a query matches (its paging is ignored) and returns them.
     *
     * @throws IllegalArgumentException unless the query names exactly one id
     */
    List<VersionEntry> delete(ObjectQuery query);

    // API roots and collections

    /** Creates or replaces an API root. */
    void putApiRoot(ApiRoot root);

    Optional<ApiRoot> apiRoot(String name);

    List<ApiRoot> apiRoots();

    /** Creates or replaces a collection; its API root must exist and its alias be free within that root. */
    void putCollection(Collection collection);

    Optional<Collection> collection(UUID id);

    Optional<Collection> collectionByAlias(String apiRoot, String alias);

    /** The collections of an API root, by title. */
    List<Collection> collections(String apiRoot);

    /**
     * Each collection's newest date_added in an API root, as a cursor (zero for an empty collection): one cheap
     * read that tells a poller whether anything arrived since it last looked, without reading objects.
     */
    java.util.Map<UUID, Cursor> lastAdded(String apiRoot);

    // Principals

    /** Creates or replaces an organisation; names and identity ids are unique. */
    void putOrganisation(Organisation organisation);

    Optional<Organisation> organisation(UUID id);

    Optional<Organisation> organisationByName(String name);

    List<Organisation> organisations();

    /**
     * Lets an organisation claim an identity id it already signs its STIX with, besides its own.
     *
     * @throws StoreException if another organisation has that identity id or has claimed it
     */
    void claimIdentity(UUID organisationId, String identityId);

    /** The identity ids an organisation has claimed (its own identity id not included), sorted. */
    List<String> claimedIdentities(UUID organisationId);

    /** Creates or replaces a user; names are unique and the organisation must exist. */
    void putUser(User user);

    Optional<User> user(UUID id);

    Optional<User> userByName(String name);

    List<User> users();

    /** Stores a new token (its hash only). */
    void addToken(ApiToken token);

    /** The token with this SHA-256 hash, revoked and expired ones included. */
    Optional<ApiToken> tokenByHash(String sha256);

    /** A user's tokens, oldest first. */
    List<ApiToken> tokens(UUID userId);

    /** Revokes a token; false when there is no such token. */
    boolean revokeToken(UUID tokenId);

    /** Keeps a new browser session; expired sessions are removed on the way. */
    void putSession(WebSession session);

    /** The browser session whose cookie has this SHA-256, expired or not. */
    Optional<WebSession> sessionByHash(String sha256);

    /** Notes that a browser session was used at {@code seen}, unless it was noted later; false when not moved. */
    boolean touchSession(String sha256, java.time.Instant seen);

    /** Ends a browser session; false when there is none. */
    boolean deleteSession(String sha256);

    /** Sets what a user may do with a collection; a grant of neither read nor write removes it. */
    void putGrant(Grant grant);

    Optional<Grant> grant(UUID userId, UUID collectionId);

    /** Every grant a user holds. */
    List<Grant> grants(UUID userId);

    /** Every grant on a collection. */
    List<Grant> grantsOn(UUID collectionId);

    // Federation feeds

    /** Creates a feed, or replaces its settings (its state and lease stay); names are unique. */
    void putFeed(Feed feed);

    Optional<Feed> feed(String name);

    /** Every feed, by name. */
    List<Feed> feeds();

    /** Removes a feed; false when there is none of that name. */
    boolean removeFeed(String name);

    /**
     * Takes or renews a feed's lease for {@code holder} until {@code until}, atomically: true when the lease was
     * free, had run out, or was already the holder's.
     */
    boolean leaseFeed(UUID feedId, String holder, java.time.Instant until);

    /** Gives the lease back, if {@code holder} still has it. */
    void releaseFeed(UUID feedId, String holder);

    /**
     * Sets a feed's state outside a batch of objects (a push, the end of a pass, an error).
     *
     * @param holder the lease holder running the feed, or null to set it regardless of the lease
     * @throws StoreException when the feed is gone or {@code holder} no longer holds its lease
     */
    void putFeedState(UUID feedId, String holder, FeedState state);

    /** Whether a user holds the right to publish travel alerts; false for no such user. */
    boolean isPublisher(UUID userId);

    /** Gives or takes the right to publish travel alerts. */
    void setPublisher(UUID userId, boolean publisher);

    // Webhook subscriptions

    /** Creates a subscription, or replaces its settings and delivery state (never its user or secret). */
    void putWebhook(Webhook webhook);

    Optional<Webhook> webhook(UUID id);

    /** Every subscription, oldest first. */
    List<Webhook> webhooks();

    /** Removes a subscription and its cursors; false when there is no such subscription. */
    boolean removeWebhook(UUID id);

    /** Where a subscription's deliveries stand in a collection: after this cursor nothing has gone out yet. */
    Optional<Cursor> webhookCursor(UUID webhookId, UUID collectionId);

    /**
     * Records that a subscription has delivered everything of a collection up to this cursor. Committed without
     * waiting for the disk (as {@link #appendAuditLazily}): a power cut may cost the last moves, which only makes
     * deliveries repeat.
     */
    void putWebhookCursor(UUID webhookId, UUID collectionId, Cursor after);

    // Travellers' e-mail subscriptions, and the positions of background passes

    /** Creates an e-mail subscription, or changes its places and confirmation. */
    void putEmailSubscription(EmailSubscription subscription);

    /** The subscription whose links carry this token. */
    Optional<EmailSubscription> emailSubscriptionByToken(String token);

    /** Every e-mail subscription, oldest first. */
    List<EmailSubscription> emailSubscriptions();

    /** Removes an e-mail subscription; false when there is no such subscription. */
    boolean removeEmailSubscription(UUID id);

    /**
     * Claims up to {@code max} queued screening tasks that nobody holds (or whose lease ran out) for
     * {@code holder} until {@code until}, oldest first. On PostgreSQL concurrent claimers skip each other's rows.
     */
    List<ScreeningTask> claimScreening(String holder, java.time.Instant until, int max);

    /** Removes a task from the queue once screened; a task already removed is no error. */
    void finishScreening(ScreeningTask task);

    /** How many screening tasks are queued, claimed or not. */
    int screeningBacklog();

    /** Where a named background pass over a collection stands. */
    Optional<Cursor> workPosition(String name);

    /** Records that a named background pass has done everything up to this cursor. */
    void putWorkPosition(String name, Cursor after);

    /**
     * Takes or renews the lease on a named piece of background work for {@code holder} until {@code until},
     * atomically: true when {@code holder} now has it (it was free, ran out, or was theirs already), so that of
     * several nodes one at a time does the work.
     */
    boolean leaseWork(String name, String holder, java.time.Instant until);

    /** Gives a lease on background work back, if {@code holder} still has it. */
    void releaseWork(String name, String holder);

    /**
     * Does a piece of background work if {@code holder} can take its lease, giving the lease back after; true if it
     * ran.
     */
    default boolean underLease(String name, String holder, java.time.Instant until, Runnable work) {
        if (!leaseWork(name, holder, until)) {
            return false;
        }
        try {
            work.run();
        } finally {
            releaseWork(name, holder);
        }
        return true;
    }

    // Status resources

    /** Creates or replaces a status resource, its lists included. */
    void putStatus(Status status);

    Optional<Status> status(UUID id);

    // Audit log: append and list, and nothing that changes or removes a record.

    /** Appends a record, chaining its hash to the last record's in the same transaction; durable on return. */
    AuditRecord appendAudit(AuditEvent event);

    /**
     * Appends a record like {@link #appendAudit}, committed but without waiting for the disk: it survives a crash of
     * Vigil at once, and a power loss from the next durable write on (SQLite) or within about a second
     * (PostgreSQL, whose commit skips the WAL flush). Meant for the record of each read, which would otherwise
     * cost every page a disk flush.
     */
    AuditRecord appendAuditLazily(AuditEvent event);

    /** Where the audit log ends, as recorded beside it at each append, and whether its seal fits. */
    AuditHead auditHead();

    /**
     * Seals the head as it stands with the store's audit key, trusting the log as it is now. Meant for the one
     * moment a key is made for an existing log; afterwards every append seals the head itself.
     *
     * @throws IllegalStateException when the store was opened without an audit key
     */
    AuditHead sealAuditHead();

    /** Lists audit records in sequence order. */
    List<AuditRecord> audit(AuditQuery query);

    /** Closes the connections; the store cannot be used afterwards. */
    @Override
    void close();
}
