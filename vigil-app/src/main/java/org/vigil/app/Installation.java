package org.vigil.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.AuditLog;
import org.vigil.alerts.AlertDesk;
import org.vigil.alerts.MailSettings;
import org.vigil.alerts.TravelAlerts;
import org.vigil.access.Authenticator;
import org.vigil.access.Principal;
import org.vigil.access.RedRecipients;
import org.vigil.extract.Provenance;
import org.vigil.federation.FeedSecrets;
import org.vigil.federation.Federation;
import org.vigil.federation.FederationSettings;
import org.vigil.stix.Publisher;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.AuditHead;
import org.vigil.store.Collection;
import org.vigil.store.Organisation;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;
import org.vigil.picture.Event;
import org.vigil.picture.Picture;
import org.vigil.picture.PictureApi;
import org.vigil.taxii.api.ApiModule;

/**
 * One Vigil installation opened from its settings: the store, the access layer over it, the default API root,
 * and the secret that signs page tokens. Commands and the server share it.
 */
final class Installation implements AutoCloseable {

    static final String API_ROOT = "api1";
    /** The key, outside the database, that seals the audit log's head (see {@link org.vigil.store.AuditHead}). */
    static final String AUDIT_KEY_FILE = "audit.key";
    private static final Logger LOG = LoggerFactory.getLogger(Installation.class);
    /** Organisations' identity objects live in this collection, readable by every user. */
    static final UUID ORGANISATIONS = UUID.nameUUIDFromBytes("vigil:organisations".getBytes());
    static final java.time.format.DateTimeFormatter STIX_MILLIS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    final Settings settings;
    final Store store;
    final AuditLog audit;
    final ReadPath reads;
    final WritePath writes;
    final Authenticator authenticator;
    final Picture picture;
    final TravelAlerts alerts;
    /** The rules of administration, shared with the UI's administration page. */
    final org.vigil.access.Administration admin;

    private Installation(Settings settings, Store store) {
        this.settings = settings;
        this.store = store;
        this.audit = new AuditLog(store);
        this.reads = new ReadPath(store, audit);
        this.writes = new WritePath(store, audit, Clock.systemUTC());
        this.authenticator = new Authenticator(store, audit, Clock.systemUTC());
        this.admin = new org.vigil.access.Administration(store, audit, API_ROOT, ORGANISATIONS);
        this.picture = new Picture(reads, Clock.systemUTC());
        this.alerts = new TravelAlerts(reads, writes, store, API_ROOT, settings.dataDir(), settings.get("alerts.sender"),
                settings.get("title"));
        if (settings.get("smtp.host") != null) {
            String base = settings.get("alerts.base_url");
            alerts.mailVia(new MailSettings(settings.get("smtp.host"), settings.getInt("smtp.port"),
                    settings.get("smtp.from") != null ? settings.get("smtp.from") : settings.get("alerts.sender"),
                    base != null ? base : "http://" + settings.get("host") + ":" + settings.get("port")));
        }
    }

    static Installation open(Settings settings) {
        Path data = settings.dataDir();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new Settings.SettingsException("cannot create the data directory " + data + ": " + e.getMessage());
        }
        String url = settings.get("store.url");
        StoreConfig config = url == null ? StoreConfig.sqlite(data)
                : StoreConfig.of(url, settings.get("store.user"), settings.get("store.password"));
        Path keyFile = data.resolve(AUDIT_KEY_FILE);
        boolean newKey = !Files.exists(keyFile);
        // A new key is kept under another name until the head is sealed with it, so that a failed first open
        // never leaves behind a key that sealed nothing.
        Path keySource = newKey ? data.resolve(AUDIT_KEY_FILE + ".new") : keyFile;
        Installation i = new Installation(settings, Store.open(config.withAuditKey(secretFile(keySource))));
        try {
            if (newKey) {
                i.sealWithNewKey(keySource, keyFile);
            } else if (i.store.auditHead().seal() == AuditHead.Seal.BROKEN) {
                LOG.warn("the audit log's head does not carry this installation's seal: the log was changed in the "
                        + "database, or {} was replaced; run vigil audit verify", keyFile);
            }
            i.ensureDefaults();
        } catch (RuntimeException e) {
            i.close();
            throw e;
        }
        return i;
    }

    private void ensureDefaults() {
        if (store.apiRoot(API_ROOT).isEmpty()) {
            store.putApiRoot(new ApiRoot(API_ROOT, settings.get("title"), "Vigil's shared threat reporting",
                    Long.parseLong(settings.get("taxii.max_content_length"))));
        }
        if (store.collection(ORGANISATIONS).isEmpty()) {
            store.putCollection(new Collection(ORGANISATIONS, API_ROOT, "Directory",
                    "The identity of every organisation that shares through this hub, and the STIX extensions "
                            + "Vigil publishes", "directory", List.of(Collection.STIX_MEDIA_TYPE), false, Tlp.GREEN));
            store.add(ORGANISATIONS, List.of(Publisher.identity(), RedRecipients.definition(),
                    Provenance.extensionDefinition()));
        }
        // Definitions added by later versions reach existing installations too; adding a held one is a no-op.
        store.add(ORGANISATIONS, List.of(Event.definition(), org.vigil.screen.PersonDetails.definition(),
                org.vigil.screen.WatchlistHit.definition()));
        AlertDesk.install(store, API_ROOT);
    }

    /** Creates an organisation with its STIX identity, filed in the organisations collection. */
    Organisation addOrganisation(String name, boolean member) {
        return admin.createOrganisation(name, member);
    }

    /** A user named at the command line, as the read and write paths decide for them. */
    Principal principal(String userName) {
        User u = CollectionCommand.user(this, userName);
        return authenticator.principal(u).orElseThrow(() -> new Settings.SettingsException("user " + userName
                + " belongs to no organisation; see vigil org list"));
    }

    Optional<Organisation> organisation(String nameOrId) {
        Optional<Organisation> byName = store.organisationByName(nameOrId);
        return byName.isPresent() ? byName : parseUuid(nameOrId).flatMap(store::organisation);
    }

    /** A collection named by id, alias or title. */
    Collection collection(String ref) {
        Optional<Collection> c = parseUuid(ref).flatMap(store::collection);
        if (c.isEmpty()) {
            c = store.collectionByAlias(API_ROOT, ref);
        }
        if (c.isEmpty()) {
            c = store.collections(API_ROOT).stream().filter(x -> x.title().equals(ref)).findFirst();
        }
        return c.orElseThrow(() -> new Settings.SettingsException("no collection '" + ref + "'; see vigil collection list"));
    }

    /**
     * Records an action taken at the command line. The command line has no Vigil login (whoever can run it owns the
     * data directory), so the operating-system account that ran it is what says who acted.
     */
    void noteAdmin(String action, String detail) {
        audit.record(Principal.anonymous(), "admin:" + action, cli(action).request(), List.of(), detail);
    }

    /** The command line as the actor of an administrative change (see {@link #noteAdmin}). */
    org.vigil.access.Administration.Actor cli(String action) {
        return new org.vigil.access.Administration.Actor(Principal.anonymous(),
                "vigil " + action + " (os user " + System.getProperty("user.name", "unknown") + ")");
    }

    /** The one moment the log is taken on trust: from here on only this key can seal its head. */
    private void sealWithNewKey(Path source, Path keyFile) {
        store.sealAuditHead();
        try {
            Files.move(source, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // Another command opening this new directory at the same time sealed with the same key and moved it.
            if (!Files.exists(keyFile)) {
                throw new UncheckedIOException("the new audit key " + source + " disappeared before it was kept", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the audit key as " + keyFile + ": " + e.getMessage(), e);
        }
        LOG.info("made {}: the audit log's head is sealed with it from now on; keep it with the data directory, and"
                + " copy it to every server sharing this store", keyFile);
    }

    /**
     * The modules serving Vigil's own API under /api/v1/ beside TAXII, each over the read and write paths; the
     * server and the tests wire the same list.
     */
    List<ApiModule> apiModules() {
        return List.of(new PictureApi(picture, Clock.systemUTC()), alerts.api(),
                new org.vigil.screen.ScreenApi(reads),
                new org.vigil.web.WebUi(reads, writes, new org.vigil.access.Sessions(store, authenticator,
                        Clock.systemUTC(), settings.duration("ui.session_idle"), settings.duration("ui.session_lifetime")),
                        admin));
    }

    /** Runs federation feeds as this installation's read and write paths; the caller closes it. */
    Federation federation() {
        FederationSettings fs = FederationSettings.defaults().withPageSize(settings.getInt("federation.page_size"))
                .withLease(java.time.Duration.parse(settings.get("federation.lease")));
        return new Federation(store, reads, writes, new FeedSecrets(feedKey()), fs);
    }

    /** The key that seals feeds' remote secrets (see {@link FeedSecrets}); like secret.key, made on first use. */
    byte[] feedKey() {
        return secretFile(settings.dataDir().resolve("feed.key"));
    }

    /** The key that signs next tokens; made once per data directory, so tokens survive a restart. */
    byte[] tokenKey() {
        return secretFile(settings.dataDir().resolve("secret.key"));
    }

    /**
     * A random 256-bit key kept in a file only its owner may read, made on first use. It is written to a private
     * temporary file and linked into place, so the key is never readable by others, never seen half-written, and
     * two processes making it at once end up with the same one.
     */
    private static byte[] secretFile(Path file) {
        try {
            if (!Files.exists(file)) {
                publish(file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void publish(Path file) throws IOException {
        Path tmp;
        try {
            tmp = Files.createTempFile(file.getParent(), ".key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps the directory's default permissions.
            tmp = Files.createTempFile(file.getParent(), ".key", ".tmp");
        }
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(tmp, key);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // Another process made it first; theirs is the key.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Optional<UUID> parseUuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
