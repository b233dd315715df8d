package org.vigil.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vigil.access.Administration;
import org.vigil.access.AuditLog;
import org.vigil.access.Principal;
import org.vigil.store.ApiToken;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.User;
import org.vigil.taxii.api.ApiCall;
import org.vigil.taxii.api.ApiException;
import org.vigil.taxii.api.ApiV1;

/**
 * What administrators read under /api/v1/admin/: organisations, users, collections with their grants, tokens
 * (never their secrets) and the audit log with its verification. Read-only: changes are made on the
 * administration page (/ui/admin) or at the command line.
 * To anyone but an administrator these addresses do not exist (404), so they tell nobody that they are there.
 */
public final class AdminApi {

    /** The most audit records one page shows. */
    static final int MAX_AUDIT = 200;

    private final Store store;
    private final Administration admin;

    public AdminApi(Administration admin) {
        this.store = admin.store();
        this.admin = admin;
    }

    public void install(ApiV1 api) {
        api.get("/admin/overview", this::overview);
        api.get("/admin/audit", this::auditPage);
        api.get("/admin/audit/verify", this::verify);
        api.describe(AdminApi.class.getResourceAsStream("admin-openapi.json"));
    }

    /** Whether a principal may see the administration pages. */
    public static boolean admits(Principal p) {
        return !p.isAnonymous() && p.role() == Role.ADMIN;
    }

    private Principal admin(ApiCall call) {
        Principal p = call.principal();
        if (!admits(p)) {
            throw ApiException.notFound("resource " + call.request().replaceFirst("^\\S+ ", ""));
        }
        return p;
    }

    record Org(String id, String name, String identity, boolean member, long users) {
    }

    record Account(String id, String name, String organisation, String role, boolean disabled, boolean publisher,
                   long tokens, long activeTokens) {
    }

    record Access(String user, boolean read, boolean write) {
    }

    record Coll(String id, String apiRoot, String title, String alias, boolean isPublic, String defaultMarking,
                List<Access> grants) {
    }

    record Overview(List<Org> organisations, List<Account> users, List<Coll> collections) {
    }

    private Overview overview(ApiCall call) {
        Principal p = admin(call);
        List<User> users = store.users().stream().sorted(Comparator.comparing(User::name)).toList();
        Map<UUID, String> orgNames = new HashMap<>();
        Map<UUID, String> userNames = new HashMap<>();
        List<Org> orgs = new ArrayList<>();
        for (Organisation o : store.organisations()) {
            orgNames.put(o.id(), o.name());
            orgs.add(new Org(o.id().toString(), o.name(), o.identityId(), o.member(),
                    users.stream().filter(u -> u.organisationId().equals(o.id())).count()));
        }
        orgs.sort(Comparator.comparing(Org::name));
        java.time.Instant now = java.time.Instant.now();
        List<Account> accounts = new ArrayList<>();
        for (User u : users) {
            userNames.put(u.id(), u.name());
            List<ApiToken> tokens = store.tokens(u.id());
            accounts.add(new Account(u.id().toString(), u.name(), orgNames.getOrDefault(u.organisationId(), "?"),
                    u.role().label(), store.isDisabled(u.id()), store.isPublisher(u.id()), tokens.size(), tokens.stream()
                    .filter(t -> !t.revoked() && (t.expires() == null || t.expires().isAfter(now))).count()));
        }
        List<Coll> colls = new ArrayList<>();
        for (var root : store.apiRoots()) {
            for (Collection c : store.collections(root.name())) {
                colls.add(new Coll(c.id().toString(), c.apiRoot(), c.title(), c.alias(), c.isPublic(),
                        c.defaultMarking().label(), store.grantsOn(c.id()).stream()
                        .map(g -> new Access(userNames.getOrDefault(g.userId(), g.userId().toString()), g.read(),
                                g.write())).sorted(Comparator.comparing(Access::user)).toList()));
            }
        }
        admin.noteRead(new Administration.Actor(p, call.request()), "overview");
        return new Overview(orgs, accounts, colls);
    }

    record Entry(long seq, String at, String actor, String action, String path, int objects, String detail) {
    }

    record AuditPage(long head, String seal, List<Entry> records) {
    }

    /** The newest audit records, newest first. */
    private AuditPage auditPage(ApiCall call) {
        Principal p = admin(call);
        int limit = call.integer("limit", 50, 1, MAX_AUDIT);
        AuditHead head = store.auditHead();
        Map<UUID, String> names = new HashMap<>();
        store.users().forEach(u -> names.put(u.id(), u.name()));
        List<AuditRecord> records = store.audit(AuditQuery.all(limit).afterSeq(Math.max(0, head.seq() - limit)));
        List<Entry> out = new ArrayList<>();
        for (AuditRecord r : records) {
            out.add(new Entry(r.seq(), r.at().toString(), r.actor() == null ? "anonymous"
                    : names.getOrDefault(r.actor(), r.actor().toString()), r.action(), r.path(),
                    r.objectIds().size(), r.detail()));
        }
        java.util.Collections.reverse(out);
        admin.noteRead(new Administration.Actor(p, call.request()), "audit log");
        return new AuditPage(head.seq(), head.seal().name().toLowerCase(java.util.Locale.ROOT), out);
    }

    record Verified(boolean intact, long records, Long brokenAt, String reason) {
    }

    private Verified verify(ApiCall call) {
        Principal p = admin(call);
        AuditLog.Verification v = admin.verifyAudit(new Administration.Actor(p, call.request()));
        return new Verified(v.intact(), v.records(), v.firstBreak().map(AuditLog.Break::seq).orElse(null),
                v.firstBreak().map(AuditLog.Break::reason).orElse(null));
    }
}
