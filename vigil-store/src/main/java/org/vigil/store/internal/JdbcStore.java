package org.vigil.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.StixObject;
import org.vigil.store.AddResult;
import org.vigil.store.ApiRoot;
import org.vigil.store.ApiToken;
import org.vigil.store.AuditEvent;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Feed;
import org.vigil.store.FeedProgress;
import org.vigil.store.FeedState;
import org.vigil.store.Cursor;
import org.vigil.store.EmailSubscription;
import org.vigil.store.Grant;
import org.vigil.store.ManifestEntry;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Page;
import org.vigil.store.Place;
import org.vigil.store.PlaceIndexChange;
import org.vigil.store.PlaceIndexRows;
import org.vigil.store.PlaceLink;
import org.vigil.store.PlaceQuery;
import org.vigil.store.Status;
import org.vigil.store.Store;
import org.vigil.store.StoredObject;
import org.vigil.store.User;
import org.vigil.store.VersionEntry;
import org.vigil.store.Webhook;

/** The store over JDBC, for both dialects; each part of the interface is served by its own repository. */
final class JdbcStore implements Store {

    private final Database db;
    private final ObjectWriter writer;
    private final SearchIndex searchIndex;
    private final IndexBackfiller backfiller;
    private final ObjectReader reader;
    private final CollectionRepo collections;
    private final PrincipalRepo principals;
    private final StatusRepo statuses;
    private final AuditLog auditLog;
    private final WebhookRepo webhooks;
    private final PlaceReader places;
    private final FeedRepo feeds;
    private final ScreeningQueue screening;

    JdbcStore(Database db, byte[] auditKey) {
        this.db = db;
        this.writer = new ObjectWriter(db);
        this.reader = new ObjectReader(db);
        this.collections = new CollectionRepo(db);
        this.principals = new PrincipalRepo(db);
        this.statuses = new StatusRepo(db);
        this.auditLog = new AuditLog(db, auditKey);
        this.webhooks = new WebhookRepo(db);
        this.places = new PlaceReader(db);
        this.searchIndex = new SearchIndex(db.dialect);
        this.backfiller = new IndexBackfiller(db);
        this.feeds = new FeedRepo(db);
        this.screening = new ScreeningQueue(db);
    }

    @Override
    public List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects) {
        return writer.add(collectionId, postedBy, objects);
    }

    @Override
    public List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects, FeedProgress progress) {
        return writer.add(collectionId, postedBy, objects, progress, feeds);
    }

    @Override
    public List<AddResult> add(UUID collectionId, UUID postedBy, List<StixObject> objects,
                               java.util.function.Function<List<AddResult>, org.vigil.store.Status> status) {
        return writer.add(collectionId, postedBy, objects, (c, added) -> statuses.insert(c, status.apply(added)));
    }

    @Override
    public Page<StoredObject> objects(ObjectQuery query) {
        return reader.objects(query);
    }

    @Override
    public Page<ManifestEntry> manifest(ObjectQuery query) {
        return reader.manifest(query);
    }

    @Override
    public Page<VersionEntry> versions(ObjectQuery query) {
        return reader.versions(query);
    }

    @Override
    public List<org.vigil.store.SearchQuery.Hit> search(org.vigil.store.SearchQuery query) {
        return searchIndex.search(db, query);
    }

    @Override
    public List<org.vigil.store.SearchQuery.Hit> referencing(List<PlaceQuery.Scope> scopes, String refId, int limit) {
        return searchIndex.referencing(db, scopes, refId, limit);
    }

    @Override
    public org.vigil.store.IndexBackfill backfillIndex(int batch) {
        return backfiller.step(batch);
    }

    @Override
    public org.vigil.store.IndexBackfill indexBackfill() {
        return backfiller.progress();
    }

    @Override
    public List<PlaceLink> placeLinks(PlaceQuery query) {
        return places.links(query);
    }

    @Override
    public List<Place> places(PlaceQuery query) {
        return places.places(query);
    }

    @Override
    public PlaceIndexChange.Log placeIndexChanges(long afterSeq, int limit) {
        return places.changes(afterSeq, limit);
    }

    @Override
    public void readPlaceIndex(Set<PlaceIndexRows.Key> objects, PlaceIndexRows rows) {
        places.rows(objects, rows);
    }

    @Override
    public void prunePlaceIndexChanges(Instant before) {
        places.prune(before);
    }

    @Override
    public List<VersionEntry> delete(ObjectQuery query) {
        return writer.delete(query);
    }

    @Override
    public void putApiRoot(ApiRoot root) {
        collections.putApiRoot(root);
    }

    @Override
    public Optional<ApiRoot> apiRoot(String name) {
        return collections.apiRoot(name);
    }

    @Override
    public List<ApiRoot> apiRoots() {
        return collections.apiRoots();
    }

    @Override
    public void putCollection(Collection collection) {
        collections.putCollection(collection);
    }

    @Override
    public Optional<Collection> collection(UUID id) {
        return collections.collection(id);
    }

    @Override
    public Optional<Collection> collectionByAlias(String apiRoot, String alias) {
        return collections.collectionByAlias(apiRoot, alias);
    }

    @Override
    public List<Collection> collections(String apiRoot) {
        return collections.collections(apiRoot);
    }

    @Override
    public java.util.Map<UUID, Cursor> lastAdded(String apiRoot) {
        return collections.lastAdded(apiRoot);
    }

    @Override
    public void putOrganisation(Organisation organisation) {
        principals.putOrganisation(organisation);
    }

    @Override
    public Optional<Organisation> organisation(UUID id) {
        return principals.organisation(id);
    }

    @Override
    public Optional<Organisation> organisationByName(String name) {
        return principals.organisationByName(name);
    }

    @Override
    public List<Organisation> organisations() {
        return principals.organisations();
    }

    @Override
    public void claimIdentity(UUID organisationId, String identityId) {
        principals.claimIdentity(organisationId, identityId);
    }

    @Override
    public List<String> claimedIdentities(UUID organisationId) {
        return principals.claimedIdentities(organisationId);
    }

    @Override
    public void putFeed(Feed feed) {
        feeds.putFeed(feed);
    }

    @Override
    public Optional<Feed> feed(String name) {
        return feeds.feed(name);
    }

    @Override
    public List<Feed> feeds() {
        return feeds.feeds();
    }

    @Override
    public boolean removeFeed(String name) {
        return feeds.removeFeed(name);
    }

    @Override
    public boolean leaseFeed(UUID feedId, String holder, Instant until) {
        return feeds.lease(feedId, holder, until);
    }

    @Override
    public void releaseFeed(UUID feedId, String holder) {
        feeds.release(feedId, holder);
    }

    @Override
    public void putFeedState(UUID feedId, String holder, FeedState state) {
        feeds.putState(feedId, holder, state);
    }

    @Override
    public void putUser(User user) {
        principals.putUser(user);
    }

    @Override
    public Optional<User> user(UUID id) {
        return principals.user(id);
    }

    @Override
    public Optional<User> userByName(String name) {
        return principals.userByName(name);
    }

    @Override
    public List<User> users() {
        return principals.users();
    }

    @Override
    public void addToken(ApiToken token) {
        principals.addToken(token);
    }

    @Override
    public Optional<ApiToken> tokenByHash(String sha256) {
        return principals.tokenByHash(sha256);
    }

    @Override
    public List<ApiToken> tokens(UUID userId) {
        return principals.tokens(userId);
    }

    @Override
    public boolean revokeToken(UUID tokenId) {
        return principals.revokeToken(tokenId);
    }

    @Override
    public void putSession(org.vigil.store.WebSession session) {
        principals.putSession(session);
    }

    @Override
    public Optional<org.vigil.store.WebSession> sessionByHash(String sha256) {
        return principals.sessionByHash(sha256);
    }

    @Override
    public boolean touchSession(String sha256, java.time.Instant seen) {
        return principals.touchSession(sha256, seen);
    }

    @Override
    public boolean deleteSession(String sha256) {
        return principals.deleteSession(sha256);
    }

    @Override
    public void putGrant(Grant grant) {
        principals.putGrant(grant);
    }

    @Override
    public Optional<Grant> grant(UUID userId, UUID collectionId) {
        return principals.grant(userId, collectionId);
    }

    @Override
    public List<Grant> grants(UUID userId) {
        return principals.grants(userId);
    }

    @Override
    public List<Grant> grantsOn(UUID collectionId) {
        return principals.grantsOn(collectionId);
    }

    @Override
    public boolean isPublisher(UUID userId) {
        return webhooks.isPublisher(userId);
    }

    @Override
    public void setPublisher(UUID userId, boolean publisher) {
        webhooks.setPublisher(userId, publisher);
    }

    @Override
    public void putWebhook(Webhook webhook) {
        webhooks.putWebhook(webhook);
    }

    @Override
    public Optional<Webhook> webhook(UUID id) {
        return webhooks.webhook(id);
    }

    @Override
    public List<Webhook> webhooks() {
        return webhooks.webhooks();
    }

    @Override
    public boolean removeWebhook(UUID id) {
        return webhooks.removeWebhook(id);
    }

    @Override
    public Optional<Cursor> webhookCursor(UUID webhookId, UUID collectionId) {
        return webhooks.webhookCursor(webhookId, collectionId);
    }

    @Override
    public void putWebhookCursor(UUID webhookId, UUID collectionId, Cursor after) {
        webhooks.putWebhookCursor(webhookId, collectionId, after);
    }

    @Override
    public void putEmailSubscription(EmailSubscription subscription) {
        webhooks.putEmailSubscription(subscription);
    }

    @Override
    public Optional<EmailSubscription> emailSubscriptionByToken(String token) {
        return webhooks.emailSubscriptionByToken(token);
    }

    @Override
    public List<EmailSubscription> emailSubscriptions() {
        return webhooks.emailSubscriptions();
    }

    @Override
    public boolean removeEmailSubscription(UUID id) {
        return webhooks.removeEmailSubscription(id);
    }

    @Override
    public List<org.vigil.store.ScreeningTask> claimScreening(String holder, Instant until, int max) {
        return screening.claim(holder, until, max);
    }

    @Override
    public void finishScreening(org.vigil.store.ScreeningTask task) {
        screening.finish(task);
    }

    @Override
    public int screeningBacklog() {
        return screening.backlog();
    }

    @Override
    public Optional<Cursor> workPosition(String name) {
        return webhooks.workPosition(name);
    }

    @Override
    public void putWorkPosition(String name, Cursor after) {
        webhooks.putWorkPosition(name, after);
    }

    @Override
    public boolean leaseWork(String name, String holder, Instant until) {
        return webhooks.leaseWork(name, holder, until);
    }

    @Override
    public void releaseWork(String name, String holder) {
        webhooks.releaseWork(name, holder);
    }

    @Override
    public void putStatus(Status status) {
        statuses.putStatus(status);
    }

    @Override
    public Optional<Status> status(UUID id) {
        return statuses.status(id);
    }

    @Override
    public AuditRecord appendAudit(AuditEvent event) {
        return auditLog.append(event, true);
    }

    @Override
    public AuditHead auditHead() {
        return auditLog.head();
    }

    @Override
    public AuditHead sealAuditHead() {
        return auditLog.seal();
    }

    @Override
    public AuditRecord appendAuditLazily(AuditEvent event) {
        return auditLog.append(event, false);
    }

    @Override
    public List<AuditRecord> audit(AuditQuery query) {
        return auditLog.list(query);
    }

    @Override
    public void close() {
        db.close();
    }
}
