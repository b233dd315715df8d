package org.vigil.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.Identifier;
import org.vigil.stix.StixObject;
import org.vigil.store.ApiToken;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.TokenScope;
import org.vigil.store.User;

/**
 * The rules of administering a hub (organisations, users, collections and grants, API tokens, the audit log), in one
 * place for the command line and the administration page. Every change is recorded in the audit log as
 * {@code admin:ACTION} by whoever made it (the command line, which has no Vigil login, passes the anonymous
 * principal and names the operating-system account in the request). A change the rules refuse throws
 * {@link Refused} with a sentence meant for the person who asked, and changes nothing.
 */
public final class Administration {

    /** Organisations' identity ids are derived from their names in this namespace, so they are stable. */
    private static final UUID ORG_NAMESPACE = UUID.fromString("6f1c2b9e-9a7d-4c63-8f0e-3d2a5b1c7e44");
    private static final java.time.format.DateTimeFormatter STIX_MILLIS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final Store store;
    private final AuditLog audit;
    private final String apiRoot;
    private final UUID directory;

    /**
     * @param apiRoot the API root new collections are made in
     * @param directory the collection holding every organisation's identity, which every user may read
     */
    public Administration(Store store, AuditLog audit, String apiRoot, UUID directory) {
        this.store = store;
        this.audit = audit;
        this.apiRoot = apiRoot;
        this.directory = directory;
    }

    /** A change the rules refuse, said in words for the person who asked. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Who acts and through which request, for the audit record of each change. */
    public record Actor(Principal principal, String request) {
    }

    public Store store() {
        return store;
    }

    public String apiRoot() {
        return apiRoot;
    }

    /** Creates an organisation with its STIX identity, filed in the directory collection. */
    public Organisation addOrganisation(Actor by, String name, boolean member) {
        String n = required(name, "the organisation's name");
        if (store.organisationByName(n).isPresent()) {
            throw new Refused("organisation '" + n + "' already exists");
        }
        Organisation org = createOrganisation(n, member);
        note(by, "org add", n + (member ? " (member)" : ""));
        return org;
    }

    /** The organisation and its identity object, without an audit record (for callers that write their own). */
    public Organisation createOrganisation(String name, boolean member) {
        String identity = Identifier.deterministic("identity", ORG_NAMESPACE, name);
        Organisation org = new Organisation(UUID.randomUUID(), name, identity, member);
        store.putOrganisation(org);
        String created = STIX_MILLIS.format(Instant.now());
        StixObject object = StixObject.builder("identity", identity).put("created_by_ref", identity)
                .put("created", created).put("modified", created).put("name", name)
                .put("identity_class", "organization").build();
        store.add(directory, List.of(object));
        return org;
    }

    /** A new user and the API token made with it (its secret, shown once). */
    public record NewUser(User user, Organisation organisation, IssuedToken token) {
    }

    /** A token just made: its secret, which is never stored and so can be shown only now. */
    public record IssuedToken(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "IssuedToken[" + token.id() + "]";
        }
    }

    /**
     * Adds a user to an organisation, able to read the directory, with an API token. An empty password makes an
     * account that signs in by token only.
     */
    public NewUser addUser(Actor by, String name, Organisation organisation, Role role, char[] password) {
        String n = required(name, "the user's name");
        if (n.chars().anyMatch(Character::isWhitespace)) {
            throw new Refused("a user name cannot contain spaces: '" + n + "'");
        }
        if (store.userByName(n).isPresent()) {
            throw new Refused("user '" + n + "' already exists");
        }
        String hash = password.length == 0 ? Passwords.unusable() : Passwords.hash(password);
        User user = new User(UUID.randomUUID(), n, organisation.id(), role, hash);
        store.putUser(user);
        store.putGrant(new Grant(user.id(), directory, true, false));
        IssuedToken token = newToken(user, TokenScope.all(), null);
        note(by, "user add", n + " (" + role.label() + ", " + organisation.name() + ")");
        return new NewUser(user, organisation, token);
    }

    /** Gives a user a new password (or, empty, none: token only). */
    public void setPassword(Actor by, User user, char[] password) {
        String hash = password.length == 0 ? Passwords.unusable() : Passwords.hash(password);
        store.putUser(new User(user.id(), user.name(), user.organisationId(), user.role(), hash));
        note(by, "user password", user.name() + (password.length == 0 ? " (token only)" : ""));
    }

    /**
     * Disables a user (no password, token or session of theirs is accepted any more) or enables them again; their
     * password, tokens and grants stay as they are. Nobody may disable themselves.
     */
    public void setDisabled(Actor by, User user, boolean disabled) {
        if (disabled && !by.principal().isAnonymous() && by.principal().userId().equals(user.id())) {
            throw new Refused("you cannot disable your own account; ask another administrator");
        }
        if (store.isDisabled(user.id()) == disabled) {
            throw new Refused(user.name() + " is " + (disabled ? "disabled" : "enabled") + " already");
        }
        store.setDisabled(user.id(), disabled);
        note(by, disabled ? "user disable" : "user enable", user.name());
    }

    /** Adds a collection to the API root; an alias, if given, must be free. */
    public Collection addCollection(Actor by, UUID id, String title, String description, String alias) {
        String t = required(title, "the collection's title");
        UUID cid = id == null ? UUID.randomUUID() : id;
        if (store.collection(cid).isPresent()) {
            throw new Refused("a collection with id " + cid + " already exists");
        }
        String a = blankToNull(alias);
        if (a != null && store.collectionByAlias(apiRoot, a).isPresent()) {
            throw new Refused("the alias '" + a + "' is taken");
        }
        Collection c = Collection.of(cid, apiRoot, t).withAlias(a);
        String d = blankToNull(description);
        if (d != null) {
            c = c.withDescription(d);
        }
        store.putCollection(c);
        note(by, "collection add", t + " " + cid);
        return c;
    }

    /** Adds read and/or write to what a user already holds on a collection. */
    public void grant(Actor by, Collection c, User u, boolean read, boolean write) {
        Grant held = store.grant(u.id(), c.id()).orElse(new Grant(u.id(), c.id(), false, false));
        store.putGrant(new Grant(u.id(), c.id(), held.read() || read, held.write() || write));
        note(by, "collection grant", c.id() + " " + u.name() + " " + rights(read, write));
    }

    /** Takes read and/or write away from what a user holds on a collection. */
    public void revoke(Actor by, Collection c, User u, boolean read, boolean write) {
        Optional<Grant> held = store.grant(u.id(), c.id());
        if (held.isEmpty() || !(read && held.get().read() || write && held.get().write())) {
            throw new Refused(u.name() + " may not " + rights(read, write) + " " + c.title() + " already");
        }
        store.putGrant(new Grant(u.id(), c.id(), held.get().read() && !read, held.get().write() && !write));
        note(by, "collection revoke", c.id() + " " + u.name() + " " + rights(read, write));
    }

    private static String rights(boolean read, boolean write) {
        return read && write ? "read and write" : read ? "read" : "write";
    }

    /** Makes an API token for a user, limited to some collections if any are given, expiring if a time is given. */
    public IssuedToken issueToken(Actor by, User u, Set<UUID> collections, Instant expires) {
        IssuedToken t = newToken(u, collections.isEmpty() ? TokenScope.all() : TokenScope.only(collections), expires);
        note(by, "token add", u.name() + " " + t.token().id());
        return t;
    }

    /** When a token should stop working: an ISO duration from now (P30D, PT12H) or a timestamp. */
    public static Instant expiry(String s) {
        try {
            return s.startsWith("P") ? Instant.now().plus(java.time.Duration.parse(s)) : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refused("the expiry '" + s + "' is neither a duration such as P30D nor a timestamp such as "
                    + "2027-01-01T00:00:00Z");
        }
    }

    private IssuedToken newToken(User u, TokenScope scope, Instant expires) {
        String secret = Tokens.generate();
        ApiToken t = new ApiToken(UUID.randomUUID(), u.id(), Tokens.hash(secret), scope, expires, false, Instant.now());
        store.addToken(t);
        return new IssuedToken(t, secret);
    }

    public void revokeToken(Actor by, UUID id) {
        if (!store.revokeToken(id)) {
            throw new Refused("no token with id " + id);
        }
        note(by, "token revoke", id.toString());
    }

    /** Checks the audit log's hash chain, and records that it was checked and what was found. */
    public AuditLog.Verification verifyAudit(Actor by) {
        AuditLog.Verification v = audit.verify();
        audit.record(by.principal(), "admin:audit-verify", by.request(), List.of(),
                v.intact() ? "intact, " + v.records() + " records"
                        : "broken at record " + v.firstBreak().map(AuditLog.Break::seq).orElse(0L));
        return v;
    }

    /** One page of the audit log, newest first, and where the next (older) page starts, if anywhere. */
    public record AuditPage(List<AuditRecord> records, long olderBefore) {
        public boolean hasOlder() {
            return olderBefore > 1;
        }
    }

    /** How many records one page may look through, so a rare action never makes a page read the whole log. */
    static final int SCAN_LIMIT = 20_000;
    private static final int WINDOW = 2_000;

    /**
     * Up to {@code size} records before sequence number {@code before} (0 for the newest), newest first, of one
     * user if given and whose action starts with {@code action} if given. Looks through at most
     * {@value #SCAN_LIMIT} records; a page that ends early says where to go on.
     */
    public AuditPage auditPage(long before, int size, UUID actor, String action) {
        long end = before <= 0 ? store.auditHead().seq() + 1 : before;
        String prefix = blankToNull(action);
        List<AuditRecord> out = new ArrayList<>();
        long scanned = 0;
        long hi = end;
        while (hi > 1 && out.size() < size && scanned < SCAN_LIMIT) {
            long lo = Math.max(0, hi - 1 - WINDOW);
            AuditQuery q = AuditQuery.all((int) (hi - 1 - lo)).afterSeq(lo);
            if (actor != null) {
                q = q.byActor(actor);
            }
            List<AuditRecord> window = new ArrayList<>(audit.list(q));
            Collections.reverse(window);
            for (AuditRecord r : window) {
                if (r.seq() >= hi || prefix != null && !r.action().startsWith(prefix)) {
                    continue;
                }
                if (out.size() == size) {
                    return new AuditPage(out, out.get(out.size() - 1).seq());
                }
                out.add(r);
            }
            scanned += hi - 1 - lo;
            hi = lo + 1;
        }
        if (out.size() == size) {
            return new AuditPage(out, out.get(out.size() - 1).seq());
        }
        return new AuditPage(out, hi);
    }

    /** Records that an administrator read the accounts, grants and tokens (what was read, in words). */
    public void noteRead(Actor by, String what) {
        audit.record(by.principal(), "admin:read", by.request(), List.of(), what);
    }

    /** An audit record of an administrative change. */
    private void note(Actor by, String action, String detail) {
        audit.record(by.principal(), "admin:" + action, by.request(), List.of(), detail);
    }

    private static String required(String value, String what) {
        String v = blankToNull(value);
        if (v == null) {
            throw new Refused(what + " is missing");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
