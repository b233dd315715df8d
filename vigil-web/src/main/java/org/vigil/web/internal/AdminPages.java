package org.vigil.web.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.Administration;
import org.vigil.access.Administration.Actor;
import org.vigil.access.Administration.Refused;
import org.vigil.access.AuditLog;
import org.vigil.access.Sessions;
import org.vigil.store.ApiToken;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.User;
import org.vigil.web.internal.SealedOutcome.Outcome;

/**
 * The administration page, /ui/admin, written by the server: organisations, users, collections and their grants,
 * API tokens and the audit log, each with its forms. Every change is a POST with the session's CSRF token, made
 * through {@link Administration} (the command line's rules and audit records), and answered by a redirect back to
 * the page (POST-redirect-GET), which then shows the outcome once beside the form that asked: a refusal in plain
 * words, or what was done (a new token's secret included, which is never stored and so never shown again). The
 * outcome travels in a cookie sealed for the session ({@link SealedOutcome}), so any server may answer the redirect.
 * UiPages answers 404 to anyone but an administrator before any of this runs.
 */
public final class AdminPages {

    private static final Logger LOG = LoggerFactory.getLogger(AdminPages.class);
    static final int AUDIT_PAGE = 50;
    /** The cookie that carries a change's outcome to the page the change redirects to (see {@link SealedOutcome}). */
    private static final String OUTCOME_COOKIE = "vigil_outcome";
    private static final int OUTCOME_SECONDS = 300;

    private final Administration admin;
    private final Store store;

    public AdminPages(Administration admin) {
        this.admin = admin;
        this.store = admin.store();
    }

    /** A change the page makes: reads its form, acts, and says what it did. */
    @FunctionalInterface
    private interface Change {
        Outcome apply(Context ctx, Actor by);
    }

    public void install(Javalin app) {
        app.get("/ui/admin", this::page);
        post(app, "/ui/admin/orgs", "org-form", this::addOrganisation);
        post(app, "/ui/admin/users", "user-form", this::addUser);
        post(app, "/ui/admin/users/password", "password-form", this::setPassword);
        post(app, "/ui/admin/users/status", "status-form", this::setStatus);
        post(app, "/ui/admin/collections", "collection-form", this::addCollection);
        post(app, "/ui/admin/grants", "grant-form", this::changeGrant);
        post(app, "/ui/admin/tokens", "token-form", this::issueToken);
        post(app, "/ui/admin/tokens/revoke", "tokens", this::revokeToken);
        post(app, "/ui/admin/audit/verify", "verify-form", this::verify);
    }

    private void post(Javalin app, String path, String form, Change change) {
        app.post(path, ctx -> {
            Sessions.Current s = ctx.attribute("vigil.session");
            Actor by = new Actor(s.principal(), "POST " + path);
            Outcome outcome;
            try {
                outcome = change.apply(ctx, by);
            } catch (Refused e) {
                outcome = new Outcome(form, false, sentence(e.getMessage()), null);
            } catch (RuntimeException e) {
                LOG.warn("{} failed for {}", path, s.principal(), e);
                outcome = new Outcome(form, false, "The change could not be made; nothing was changed. The server's "
                        + "log says why.", null);
            }
            keep(ctx, outcome);
            ctx.redirect("/ui/admin#" + outcome.form(), HttpStatus.SEE_OTHER);
        });
    }

    /** Hands the outcome to the next view of the page, whichever server answers it. */
    private static void keep(Context ctx, Outcome flash) {
        BrowserGate.setCookie(ctx, OUTCOME_COOKIE, SealedOutcome.seal(flash, session(ctx)), OUTCOME_SECONDS);
    }

    /** The outcome a change left for this view of the page, shown once: the cookie is cleared as it is read. */
    private static Outcome taken(Context ctx) {
        String sealed = ctx.cookie(OUTCOME_COOKIE);
        if (sealed == null) {
            return null;
        }
        BrowserGate.setCookie(ctx, OUTCOME_COOKIE, "", 0);
        return SealedOutcome.open(sealed, session(ctx)).orElse(null);
    }

    private static String session(Context ctx) {
        return Optional.ofNullable(ctx.cookie(BrowserGate.COOKIE)).orElse("");
    }

    private static String sentence(String s) {
        String t = s == null || s.isBlank() ? "That was refused." : s.trim();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    // The changes.

    private Outcome addOrganisation(Context ctx, Actor by) {
        Organisation o = admin.addOrganisation(by, field(ctx, "name"), ctx.formParam("member") != null);
        return new Outcome("org-form", true, "Organisation " + o.name() + " added" + (o.member()
                ? " as a community member" : "") + "; its identity is " + o.identityId() + ".", null);
    }

    private Outcome addUser(Context ctx, Actor by) {
        Organisation org = store.organisation(uuid(ctx, "organisation", "an organisation"))
                .orElseThrow(() -> new Refused("that organisation no longer exists"));
        Role role = role(field(ctx, "role"));
        char[] password = field(ctx, "password").toCharArray();
        Administration.NewUser u = admin.addUser(by, field(ctx, "name"), org, role, password);
        return new Outcome("user-form", true, "User " + u.user().name() + " added to " + org.name() + " as "
                + role.label() + (password.length == 0 ? " (no password: API tokens only)" : "")
                + ". Their API token, shown only now:", u.token().secret());
    }

    private Outcome setPassword(Context ctx, Actor by) {
        User u = user(ctx);
        char[] password = field(ctx, "password").toCharArray();
        admin.setPassword(by, u, password);
        return new Outcome("password-form", true, password.length == 0 ? u.name() + " can no longer sign in with a "
                + "password; their API tokens still work." : "The password of " + u.name() + " was changed.", null);
    }

    private Outcome setStatus(Context ctx, Actor by) {
        User u = user(ctx);
        boolean disable = "disable".equals(ctx.formParam("change"));
        admin.setDisabled(by, u, disable);
        return new Outcome("status-form", true, disable ? u.name() + " is disabled: their password, tokens and "
                + "sessions are refused until you enable them." : u.name() + " is enabled again.", null);
    }

    private Outcome addCollection(Context ctx, Actor by) {
        Collection c = admin.addCollection(by, null, field(ctx, "title"), field(ctx, "description"),
                field(ctx, "alias"));
        return new Outcome("collection-form", true, "Collection " + c.title() + " added: id " + c.id()
                + ". Nobody may read or write it until you grant it.", null);
    }

    private Outcome changeGrant(Context ctx, Actor by) {
        Collection c = collection(ctx);
        User u = user(ctx);
        String right = field(ctx, "right");
        boolean read = right.equals("read") || right.equals("both");
        boolean write = right.equals("write") || right.equals("both");
        if (!read && !write) {
            throw new Refused("choose read, write or both");
        }
        String rights = read && write ? "read and write" : read ? "read" : "write";
        if ("revoke".equals(ctx.formParam("change"))) {
            admin.revoke(by, c, u, read, write);
            return new Outcome("grant-form", true, u.name() + " may no longer " + rights + " " + c.title() + ".", null);
        }
        admin.grant(by, c, u, read, write);
        return new Outcome("grant-form", true, u.name() + " may now " + rights + " " + c.title() + ".", null);
    }

    private Outcome issueToken(Context ctx, Actor by) {
        User u = user(ctx);
        Set<UUID> only = new HashSet<>();
        for (String id : ctx.formParams("collections")) {
            if (!id.isBlank()) {
                only.add(collectionById(id).id());
            }
        }
        String expires = field(ctx, "expires");
        Instant until = expires.isEmpty() ? null : Administration.expiry(expires);
        Administration.IssuedToken t = admin.issueToken(by, u, only, until);
        String expiring = until == null ? "" : ", expiring " + until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Outcome("token-form", true, "Token " + t.token().id() + " made for " + u.name() + expiring
                + (only.isEmpty() ? "" : ", for " + only.size() + " collection(s) only")
                + ". Copy it now: it is shown only this once.", t.secret());
    }

    private Outcome revokeToken(Context ctx, Actor by) {
        UUID id = uuid(ctx, "token", "a token");
        admin.revokeToken(by, id);
        return new Outcome("tokens", true, "Token " + id + " revoked: it no longer works.", null);
    }

    private Outcome verify(Context ctx, Actor by) {
        AuditLog.Verification v = admin.verifyAudit(by);
        if (v.intact()) {
            return new Outcome("verify-form", true, "Intact: the hash chain of all " + v.records() + " records holds.",
                    null);
        }
        AuditLog.Break b = v.firstBreak().orElseThrow();
        return new Outcome("verify-form", false, "Broken at record " + b.seq() + ": " + b.reason() + ". The "
                + v.records() + " records before it are intact.", null);
    }

    // Reading the forms.

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").trim();
    }

    private static UUID uuid(Context ctx, String name, String what) {
        String v = field(ctx, name);
        if (v.isEmpty()) {
            throw new Refused("choose " + what);
        }
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new Refused("choose " + what + " from the list");
        }
    }

    private static Role role(String label) {
        try {
            return Role.ofLabel(label);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    private User user(Context ctx) {
        return store.user(uuid(ctx, "user", "a user")).orElseThrow(() -> new Refused("that user no longer exists"));
    }

    private Collection collection(Context ctx) {
        return collectionById(field(ctx, "collection"));
    }

    private Collection collectionById(String id) {
        try {
            return store.collection(UUID.fromString(id)).orElseThrow(() -> new Refused("that collection no longer "
                    + "exists"));
        } catch (IllegalArgumentException e) {
            throw new Refused("choose a collection from the list");
        }
    }

    // The page.

    private void page(Context ctx) {
        Sessions.Current s = ctx.attribute("vigil.session");
        Outcome flash = taken(ctx);
        List<Organisation> orgs = store.organisations().stream().sorted(Comparator.comparing(Organisation::name))
                .toList();
        List<User> users = store.users().stream().sorted(Comparator.comparing(User::name)).toList();
        Map<UUID, String> orgNames = new HashMap<>();
        orgs.forEach(o -> orgNames.put(o.id(), o.name()));
        Map<UUID, String> userNames = new HashMap<>();
        users.forEach(u -> userNames.put(u.id(), u.name()));
        List<Collection> collections = new ArrayList<>();
        store.apiRoots().forEach(r -> collections.addAll(store.collections(r.name())));
        StringBuilder b = new StringBuilder(16_384);
        b.append("<h1>Administration</h1><p class=\"hint\">Changes here are the <code>vigil</code> command line's "
                + "(org, user, collection, token, audit), recorded in the audit log under your name.</p>");
        String csrf = s.csrf();
        organisations(b, csrf, orgs, users, flash);
        users(b, csrf, users, orgs, orgNames, flash);
        collections(b, csrf, collections, users, userNames, flash);
        tokens(b, csrf, users, collections, flash);
        audit(ctx, b, csrf, userNames, flash);
        admin.noteRead(new Actor(s.principal(), "GET " + ctx.path()), "administration page");
        ctx.contentType("text/html;charset=utf-8").result(Html.page("Administration", "admin", "",
                s.principal().name(), s.csrf(), b.toString(), false, false, true));
    }

    private static void organisations(StringBuilder b, String csrf, List<Organisation> orgs, List<User> users,
                                      Outcome flash) {
        b.append("<section class=\"card\" aria-labelledby=\"orgs-h\"><h2 id=\"orgs-h\">Organisations</h2>");
        table(b, "orgs", null, List.of("Name", "Identity", "Member", "Users"), orgs.stream()
                .map(o -> List.of(o.name(), o.identityId(), o.member() ? "yes" : "no",
                        String.valueOf(users.stream().filter(u -> u.organisationId().equals(o.id())).count())))
                .toList());
        form(b, csrf, "org-form", "/ui/admin/orgs", "Add an organisation", flash);
        b.append(input("org-name", "name", "Name", "text", true, ""))
                .append("<label class=\"check\"><input type=\"checkbox\" id=\"org-member\" name=\"member\" "
                        + "value=\"yes\"> A member of the hub's community (TLP:GREEN reaches it)</label>")
                .append("<button type=\"submit\" id=\"add-org\">Add the organisation</button></form></section>");
    }

    private void users(StringBuilder b, String csrf, List<User> users, List<Organisation> orgs,
                       Map<UUID, String> orgNames, Outcome flash) {
        b.append("<section class=\"card\" aria-labelledby=\"users-h\"><h2 id=\"users-h\">Users</h2>");
        Instant now = Instant.now();
        table(b, "users", null, List.of("Name", "Organisation", "Role", "Status", "Publisher", "Password",
                        "Tokens (active)"),
                users.stream().map(u -> {
                    List<ApiToken> tokens = store.tokens(u.id());
                    return List.of(u.name(), orgNames.getOrDefault(u.organisationId(), "?"), u.role().label(),
                            store.isDisabled(u.id()) ? "disabled" : "active", store.isPublisher(u.id()) ? "yes" : "no",
                            u.passwordHash() == null || !u.passwordHash().contains("$") ? "none (tokens only)" : "set",
                            tokens.size() + " (" + tokens.stream().filter(t -> t.usableAt(now)).count() + ")");
                }).toList());
        form(b, csrf, "user-form", "/ui/admin/users", "Add a user", flash);
        b.append(input("user-name", "name", "User name", "text", true, "autocomplete=\"off\""))
                .append(select("user-org", "organisation", "Organisation", orgs.stream()
                        .map(o -> new Option(o.id().toString(), o.name())).toList(), false))
                .append(select("user-role", "role", "Role", List.of(new Option("analyst", "analyst"),
                        new Option("reader", "reader"), new Option("admin", "admin"),
                        new Option("federation", "federation")), false))
                .append(input("user-password", "password", "Initial password (leave empty for an account that "
                        + "uses API tokens only)", "password", false, "autocomplete=\"new-password\""))
                .append("<button type=\"submit\" id=\"add-user\">Add the user</button></form>");
        form(b, csrf, "password-form", "/ui/admin/users/password", "Reset a password", flash);
        b.append(userSelect("password-user", "user", users))
                .append(input("new-password", "password", "New password (leave empty to allow API tokens only)",
                        "password", false, "autocomplete=\"new-password\""))
                .append("<button type=\"submit\" id=\"set-password\">Set the password</button></form>");
        form(b, csrf, "status-form", "/ui/admin/users/status", "Disable or enable a user", flash);
        b.append(userSelect("status-user", "user", users))
                .append("<div class=\"buttons\"><button type=\"submit\" name=\"change\" value=\"disable\" "
                        + "id=\"disable-user\">Disable</button> <button type=\"submit\" name=\"change\" "
                        + "value=\"enable\" id=\"enable-user\">Enable</button></div></form></section>");
    }

    private void collections(StringBuilder b, String csrf, List<Collection> collections, List<User> users,
                             Map<UUID, String> userNames, Outcome flash) {
        b.append("<section class=\"card\" aria-labelledby=\"collections-h\"><h2 id=\"collections-h\">Collections "
                + "and grants</h2>");
        table(b, "collections", "Collections and who may read (r) or write (w) them", List.of("Title", "Id",
                "API root / alias", "Public", "Default marking", "Grants"), collections.stream().map(c -> {
                    String grants = store.grantsOn(c.id()).stream().filter(g -> g.read() || g.write())
                            .map(g -> userNames.getOrDefault(g.userId(), g.userId().toString()) + " ("
                                    + (g.read() ? "r" : "") + (g.write() ? "w" : "") + ")")
                            .sorted().reduce((x, y) -> x + ", " + y).orElse("none");
                    return List.of(c.title(), c.id().toString(), c.apiRoot() + " / " + (c.alias() == null ? "—"
                            : c.alias()), c.isPublic() ? "yes" : "no", "TLP:" + c.defaultMarking().label()
                            .toUpperCase(java.util.Locale.ROOT), grants);
                }).toList());
        form(b, csrf, "collection-form", "/ui/admin/collections", "Add a collection", flash);
        b.append(input("collection-title", "title", "Title", "text", true, ""))
                .append("<label for=\"collection-description\">Description (optional)</label>"
                        + "<textarea id=\"collection-description\" name=\"description\" rows=\"2\"></textarea>")
                .append(input("collection-alias", "alias", "Alias (optional, a short unique name)", "text", false, ""))
                .append("<button type=\"submit\" id=\"add-collection\">Add the collection</button></form>");
        form(b, csrf, "grant-form", "/ui/admin/grants", "Grant or revoke access", flash);
        b.append(select("grant-collection", "collection", "Collection", collectionOptions(collections), false))
                .append(userSelect("grant-user", "user", users))
                .append(select("grant-right", "right", "Right", List.of(new Option("read", "read"),
                        new Option("write", "write"), new Option("both", "read and write")), false))
                .append("<div class=\"buttons\"><button type=\"submit\" name=\"change\" value=\"grant\" "
                        + "id=\"grant\">Grant</button> <button type=\"submit\" name=\"change\" value=\"revoke\" "
                        + "id=\"revoke-grant\">Revoke</button></div></form></section>");
    }

    private void tokens(StringBuilder b, String csrf, List<User> users, List<Collection> collections, Outcome flash) {
        b.append("<section class=\"card\" aria-labelledby=\"tokens-h\"><h2 id=\"tokens-h\">API tokens</h2>"
                + "<p class=\"hint\">Only each token's hash is kept; a token's secret is shown once, when it is "
                + "made.</p>");
        flash(b, "tokens", flash);
        b.append("<table class=\"entities\" id=\"tokens\"><caption class=\"hint\">Every user's tokens</caption>"
                + "<thead><tr><th scope=\"col\">User</th><th scope=\"col\">Token id</th><th scope=\"col\">State</th>"
                + "<th scope=\"col\">Made (UTC)</th><th scope=\"col\">Expires</th><th scope=\"col\">Collections</th>"
                + "<th scope=\"col\">Revoke</th></tr></thead><tbody>");
        Instant now = Instant.now();
        for (User u : users) {
            for (ApiToken t : store.tokens(u.id())) {
                String state = t.revoked() ? "revoked" : t.usableAt(now) ? "active" : "expired";
                b.append("<tr data-token=\"").append(t.id()).append("\"><td>").append(Html.escape(u.name()))
                        .append("</td><td><code>").append(t.id()).append("</code></td><td>").append(state)
                        .append("</td><td>").append(minute(t.created())).append("</td><td>")
                        .append(t.expires() == null ? "never" : minute(t.expires())).append("</td><td>")
                        .append(t.scope().allCollections() ? "all" : t.scope().collections().size() + " only")
                        .append("</td><td>");
                if (!t.revoked()) {
                    b.append("<form method=\"post\" action=\"/ui/admin/tokens/revoke\" class=\"inline\">")
                            .append(csrfField(csrf)).append("<input type=\"hidden\" name=\"token\" value=\"")
                            .append(t.id()).append("\"><button type=\"submit\" class=\"small\" aria-label=\"Revoke "
                                    + "token ").append(t.id()).append(" of ").append(Html.escape(u.name()))
                            .append("\">Revoke</button></form>");
                }
                b.append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
        form(b, csrf, "token-form", "/ui/admin/tokens", "Make a token", flash);
        b.append(userSelect("token-user", "user", users))
                .append(select("token-collections", "collections", "Only these collections (none chosen: every "
                        + "collection the user may use)", collectionOptions(collections), true))
                .append(input("token-expires", "expires", "Expires after (optional: a duration such as P30D, or a "
                        + "time such as 2027-01-01T00:00:00Z)", "text", false, ""))
                .append("<button type=\"submit\" id=\"make-token\">Make the token</button></form></section>");
    }

    private void audit(Context ctx, StringBuilder b, String csrf, Map<UUID, String> userNames, Outcome flash) {
        b.append("<section class=\"card\" aria-labelledby=\"audit-h\"><h2 id=\"audit-h\">Audit log</h2>");
        var head = store.auditHead();
        b.append("<p id=\"audit-head\">").append(head.seq()).append(" records; head seal: ")
                .append(head.seal().name().toLowerCase(java.util.Locale.ROOT)).append(".</p>");
        form(b, csrf, "verify-form", "/ui/admin/audit/verify", null, flash);
        b.append("<button type=\"submit\" id=\"verify-audit\">Verify the hash chain</button></form>");
        String who = Optional.ofNullable(ctx.queryParam("audit_user")).orElse("").trim();
        String action = Optional.ofNullable(ctx.queryParam("audit_action")).orElse("").trim();
        long before = parseLong(ctx.queryParam("before"));
        b.append("<form id=\"audit-filter\" method=\"get\" action=\"/ui/admin\" class=\"inline wrap\" "
                + "aria-label=\"Filter the audit log\">")
                .append(input("audit-user", "audit_user", "User", "text", false, "value=\"" + Html.escape(who)
                        + "\""))
                .append(input("audit-action", "audit_action", "Action (starts with)", "text", false, "value=\""
                        + Html.escape(action) + "\" placeholder=\"admin:\""))
                .append("<button type=\"submit\" id=\"filter-audit\">Show</button></form>");
        UUID actor = null;
        if (!who.isEmpty()) {
            Optional<User> u = store.userByName(who);
            if (u.isEmpty()) {
                b.append("<p class=\"error\" role=\"alert\" id=\"audit-error\">There is no user named ")
                        .append(Html.escape(who)).append(".</p></section>");
                return;
            }
            actor = u.get().id();
        }
        Administration.AuditPage page = admin.auditPage(before, AUDIT_PAGE, actor, action);
        List<List<String>> rows = new ArrayList<>();
        for (AuditRecord r : page.records()) {
            rows.add(List.of(String.valueOf(r.seq()), minute(r.at()) + r.at().toString().substring(16, 19),
                    r.actor() == null ? "(command line or anonymous)" : userNames.getOrDefault(r.actor(),
                            r.actor().toString()), r.action(), r.path() == null ? "" : r.path(),
                    String.valueOf(r.objectIds().size()), r.detail() == null ? "" : r.detail()));
        }
        table(b, "audit", "Newest first", List.of("#", "When (UTC)", "Who", "Action", "Request", "Objects",
                "Detail"), rows);
        b.append("<nav aria-label=\"Audit log pages\" class=\"pages\">");
        if (before > 0) {
            b.append("<a href=\"").append(auditLink(who, action, 0)).append("\">Newest</a> ");
        }
        if (page.hasOlder()) {
            b.append("<a id=\"audit-older\" href=\"").append(auditLink(who, action, page.olderBefore()))
                    .append("\">Older records</a>");
        }
        b.append("</nav></section>");
    }

    private static String auditLink(String who, String action, long before) {
        StringBuilder q = new StringBuilder("/ui/admin?");
        if (!who.isEmpty()) {
            q.append("audit_user=").append(enc(who)).append("&amp;");
        }
        if (!action.isEmpty()) {
            q.append("audit_action=").append(enc(action)).append("&amp;");
        }
        if (before > 0) {
            q.append("before=").append(before).append("&amp;");
        }
        return q.append("#audit-h").toString().replace("&amp;#", "#").replace("?#", "#");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Math.max(0, Long.parseLong(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String minute(Instant t) {
        return t.toString().replace('T', ' ').substring(0, 16);
    }

    // Pieces of HTML; every value escaped.

    private record Option(String value, String label) {
    }

    private static List<Option> collectionOptions(List<Collection> collections) {
        return collections.stream().sorted(Comparator.comparing(Collection::title))
                .map(c -> new Option(c.id().toString(), c.title() + (c.alias() == null ? "" : " (" + c.alias() + ")")))
                .toList();
    }

    private static String userSelect(String id, String name, List<User> users) {
        return select(id, name, "User", users.stream().map(u -> new Option(u.id().toString(), u.name())).toList(),
                false);
    }

    private static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(csrf) + "\">";
    }

    private static void form(StringBuilder b, String csrf, String id, String action, String heading, Outcome flash) {
        if (heading != null) {
            b.append("<h3 id=\"").append(id).append("-h\">").append(Html.escape(heading)).append("</h3>");
        }
        flash(b, id, flash);
        b.append("<form method=\"post\" id=\"").append(id).append("\" action=\"").append(action)
                .append("\" class=\"stack\"").append(heading == null ? " aria-label=\"Verify the audit log\""
                        : " aria-labelledby=\"" + id + "-h\"").append(">").append(csrfField(csrf));
    }

    /** The outcome of the last change, beside the form that asked for it. */
    private static void flash(StringBuilder b, String form, Outcome flash) {
        if (flash == null || !flash.form().equals(form)) {
            return;
        }
        b.append("<div id=\"").append(form).append("-outcome\" class=\"").append(flash.ok() ? "outcome" : "error")
                .append("\" role=\"").append(flash.ok() ? "status" : "alert").append("\"><p>")
                .append(Html.escape(flash.message())).append("</p>");
        if (flash.secret() != null) {
            b.append("<p><code id=\"new-secret\" class=\"secret\">").append(Html.escape(flash.secret()))
                    .append("</code></p>");
        }
        b.append("</div>");
    }

    private static String input(String id, String name, String label, String type, boolean required, String extra) {
        return "<label for=\"" + id + "\">" + Html.escape(label) + "</label><input id=\"" + id + "\" name=\"" + name
                + "\" type=\"" + type + "\"" + (required ? " required" : "") + (extra.isEmpty() ? "" : " " + extra)
                + ">";
    }

    private static String select(String id, String name, String label, List<Option> options, boolean multiple) {
        StringBuilder b = new StringBuilder("<label for=\"" + id + "\">" + Html.escape(label) + "</label><select id=\""
                + id + "\" name=\"" + name + "\"" + (multiple ? " multiple size=\"4\"" : " required") + ">");
        for (Option o : options) {
            b.append("<option value=\"").append(Html.escape(o.value())).append("\">").append(Html.escape(o.label()))
                    .append("</option>");
        }
        return b.append("</select>").toString();
    }

    private static void table(StringBuilder b, String id, String caption, List<String> columns,
                              List<List<String>> rows) {
        b.append("<table class=\"entities\">");
        if (caption != null) {
            b.append("<caption class=\"hint\">").append(Html.escape(caption)).append("</caption>");
        }
        b.append("<thead><tr>");
        columns.forEach(c -> b.append("<th scope=\"col\">").append(Html.escape(c)).append("</th>"));
        b.append("</tr></thead><tbody id=\"").append(id).append("\">");
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(cell -> b.append("<td>").append(Html.escape(cell)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }
}
