package org.vigil.web.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.ReadPath;
import org.vigil.access.Sessions;
import org.vigil.access.Tokens;
import org.vigil.stix.Identifier;

/**
 * The UI's pages under /ui/. Each page is an HTML shell rendered here (the layout, the user's name, the CSRF
 * token) whose script fetches its data from /api/v1/. Every page but the sign-in form needs a session; every
 * POST needs the session's CSRF token; every answer carries a strict Content-Security-Policy.
 */
public final class UiPages {

    private static final Logger LOG = LoggerFactory.getLogger(UiPages.class);
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.(js|css|geojson|png|svg)");
    private static final Pattern LEAFLET = Pattern.compile("(leaflet\\.(js|css)|images/[a-z0-9-]+\\.png)");
    private static final String LEAFLET_ROOT = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";

    private final ReadPath reads;
    private final BrowserGate gate;
    private final boolean withAdmin;

    /** @param withAdmin whether the hub serves the administration pages (/api/v1/admin/) */
    public UiPages(ReadPath reads, BrowserGate gate, boolean withAdmin) {
        this.reads = reads;
        this.gate = gate;
        this.withAdmin = withAdmin;
    }

    public void install(Javalin app) {
        app.before(this::admit);
        app.get("/ui/login", ctx -> loginForm(ctx, null, 200));
        app.post("/ui/login", this::signIn);
        app.post("/ui/logout", this::signOut);
        app.get("/ui/assets/{file}", ctx -> asset(ctx, "/org/vigil/web/assets/", ctx.pathParam("file"), ASSET));
        app.get("/ui/lib/leaflet/<file>", ctx -> asset(ctx, LEAFLET_ROOT, ctx.pathParam("file"), LEAFLET));
        app.get("/ui/events", ctx -> shell(ctx, "Events", "events", "",
                "<h1>Events</h1><p id=\"status\" role=\"status\">Loading…</p><ul id=\"events\" class=\"list\"></ul>",
                false, false));
        app.get("/ui/events/{id}", this::dashboard);
        app.get("/ui/objects/{id}", ctx -> object(ctx, false));
        app.get("/ui/objects/{id}/graph", ctx -> object(ctx, true));
        app.get("/ui/map", ctx -> shell(ctx, "Map", "map", "", "<h1>Map</h1>"
                + "<p class=\"hint\">Places of the events you may see, coloured by their reporting over the last "
                + "30 days of each event.</p><div id=\"map\" class=\"map big\" role=\"region\" "
                + "aria-label=\"Map of places\"></div><ul id=\"places\" class=\"list\"></ul>", true, false));
        app.get("/ui/search", this::search);
        app.get("/ui/ingest", ctx -> shell(ctx, "Ingest", "ingest", "", "<h1>Ingest an article</h1>"
                + "<form id=\"ingest-form\" class=\"stack\"><label for=\"title\">Title</label>"
                + "<input id=\"title\" name=\"title\"><label for=\"published\">Published (UTC, optional)</label>"
                + "<input id=\"published\" name=\"published\" placeholder=\"2014-02-07T09:00:00Z\">"
                + "<label for=\"article\">Article text</label><textarea id=\"article\" name=\"article\" rows=\"12\" "
                + "required></textarea><button type=\"submit\" id=\"extract\">Extract entities</button></form>"
                + "<p id=\"status\" role=\"status\"></p>"
                + "<section id=\"review\" class=\"card\" hidden aria-labelledby=\"review-h\"><h2 id=\"review-h\">"
                + "Review the entities</h2><p class=\"hint\">Untick what is wrong; correct a name by editing it."
                + "</p><table class=\"entities\"><thead><tr><th scope=\"col\">Keep</th><th scope=\"col\">Type</th>"
                + "<th scope=\"col\">Name</th><th scope=\"col\">Found in</th></tr></thead><tbody id=\"entities\">"
                + "</tbody></table><label for=\"collection\">Publish into</label><select id=\"collection\"></select>"
                + "<button type=\"button\" id=\"publish\">Publish the report</button></section>", false, false));
        app.get("/ui/alerts", ctx -> shell(ctx, "Alerts", "alerts", "", "<h1>Travel alerts</h1>"
                + "<p class=\"notice\" id=\"alerts-status\" role=\"status\">Travel alerts are not available on "
                + "this hub: they come with the alerts module.</p><ul id=\"alerts\" class=\"list\"></ul>"
                + COMPOSER, false, false));
    }

    /**
     * The alert composer: a draft posted to /api/v1/alerts (with the page's CSRF token), the CAP message it would
     * go out as, and publication for users with the publisher right. Shown once the page knows the hub has alerts.
     */
    private static final String COMPOSER = "<section id=\"composer\" class=\"card\" hidden aria-labelledby=\"compose-h\">"
            + "<h2 id=\"compose-h\">Compose an alert</h2><form id=\"compose-form\" class=\"stack\">"
            + "<label for=\"alert-places\">Places (one per line: a name or a location or event id)</label>"
            + "<textarea id=\"alert-places\" name=\"places\" rows=\"2\" required></textarea>"
            + "<label for=\"alert-level\">Level</label><select id=\"alert-level\" name=\"level\">"
            + "<option value=\"1\">1: exercise normal precautions</option>"
            + "<option value=\"2\">2: exercise increased caution</option>"
            + "<option value=\"3\">3: reconsider travel</option><option value=\"4\">4: do not travel</option>"
            + "</select><label for=\"alert-headline\">Headline</label>"
            + "<input id=\"alert-headline\" name=\"headline\" maxlength=\"160\" required>"
            + "<label for=\"alert-description\">Description</label>"
            + "<textarea id=\"alert-description\" name=\"description\" rows=\"4\" required></textarea>"
            + "<label for=\"alert-instruction\">Instruction (optional)</label>"
            + "<textarea id=\"alert-instruction\" name=\"instruction\" rows=\"2\"></textarea>"
            + "<label for=\"alert-risks\">Risks (optional, separated by commas)</label>"
            + "<input id=\"alert-risks\" name=\"risks\" placeholder=\"civil unrest, terrorism\">"
            + "<label for=\"alert-expires\">Expires after (days)</label>"
            + "<input id=\"alert-expires\" name=\"expires\" type=\"number\" min=\"1\" max=\"365\" value=\"14\">"
            + "<button type=\"submit\" id=\"save-draft\">Save the draft and preview its CAP</button></form>"
            + "<p id=\"compose-status\" role=\"status\"></p>"
            + "<section id=\"preview\" hidden aria-labelledby=\"preview-h\"><h3 id=\"preview-h\">CAP preview of "
            + "<span id=\"preview-id\"></span></h3><p class=\"hint\">What would be published (CAP 1.2); the "
            + "published message is also signed. A draft is published once someone other than its author has "
            + "reviewed it.</p><pre id=\"cap-preview\" class=\"cap\" tabindex=\"0\"></pre>"
            + "<button type=\"button\" id=\"review-alert\">Mark as reviewed</button> "
            + "<button type=\"button\" id=\"publish-alert\">Publish</button></section></section>";

    private boolean isUi(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    /** Security headers on every UI answer; a session for every page but sign-in and assets; CSRF on POSTs. */
    private void admit(Context ctx) {
        String path = ctx.path();
        if (!isUi(path)) {
            return;
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (ctx.req().isSecure()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (path.startsWith("/ui/assets/") || path.startsWith("/ui/lib/")) {
            ctx.header("Cache-Control", "public, max-age=3600");
            return;
        }
        ctx.header("Cache-Control", "no-store");
        if (path.equals("/ui/login")) {
            return;
        }
        Optional<Sessions.Current> s = gate.session(ctx);
        if (s.isEmpty()) {
            if (BrowserGate.safe(ctx)) {
                ctx.redirect("/ui/login", io.javalin.http.HttpStatus.SEE_OTHER);
            } else {
                refuse(ctx, 403, "Your session has ended. Sign in again.");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if ((path.equals("/ui/admin") || path.startsWith("/ui/admin/"))
                && !(withAdmin && AdminApi.admits(s.get().principal()))) {
            // Administration does not exist for anyone else, whatever they send: checked before the CSRF token
            // so that a refusal never tells that the address is there.
            ctx.attribute("vigil.session", s.get());
            notFound(ctx, "page " + path);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!BrowserGate.safe(ctx) && !Sessions.csrfMatches(s.get(), ctx.formParam(BrowserGate.CSRF_FIELD))) {
            refuse(ctx, 403, "This form was sent without its security token. Reload the page and try again.");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute("vigil.session", s.get());
        if (path.equals("/ui") || path.equals("/ui/")) {
            // The bare prefix would otherwise reach TAXII's API-root route.
            ctx.redirect("/ui/events", io.javalin.http.HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
        }
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/html;charset=utf-8").result(Html.page("Refused", "refused", "",
                null, null, "<h1>Refused</h1><p class=\"error\" role=\"alert\">" + Html.escape(message)
                        + "</p><p><a href=\"/ui/login\">Sign in</a></p>", false, false));
    }

    private void loginForm(Context ctx, String error, int status) {
        String token = ctx.cookie(BrowserGate.LOGIN_COOKIE);
        if (token == null || !Tokens.looksLikeToken(token)) {
            token = Tokens.generate();
            BrowserGate.setCookie(ctx, BrowserGate.LOGIN_COOKIE, token, 3600);
        }
        String main = "<h1>Sign in to Vigil</h1>"
                + (error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"login-error\">" + Html.escape(error)
                + "</p>")
                + "<form method=\"post\" action=\"/ui/login\" class=\"login\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(token) + "\">"
                + "<label for=\"username\">User name</label>"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required>"
                + "<label for=\"password\">Password</label>"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\" id=\"sign-in\">Sign in</button></form>";
        ctx.status(status).contentType("text/html;charset=utf-8")
                .result(Html.page("Sign in", "login", "", null, null, main, false, false));
    }

    private void signIn(Context ctx) {
        String token = ctx.cookie(BrowserGate.LOGIN_COOKIE);
        String sent = ctx.formParam(BrowserGate.CSRF_FIELD);
        if (token == null || sent == null || !java.security.MessageDigest.isEqual(token.getBytes(), sent.getBytes())) {
            loginForm(ctx, "The sign-in form expired. Please try again.", 403);
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Optional<Sessions.Opened> opened = name.isEmpty() ? Optional.empty()
                : gate.sessions().signIn(name, password.toCharArray(), ctx.method() + " " + ctx.path());
        if (opened.isEmpty()) {
            loginForm(ctx, "The user name or password was not accepted.", 401);
            return;
        }
        BrowserGate.setCookie(ctx, BrowserGate.COOKIE, opened.get().cookie(),
                (int) gate.sessions().lifetime().toSeconds());
        ctx.removeCookie(BrowserGate.LOGIN_COOKIE, "/");
        LOG.info("{} signed in to the UI", opened.get().principal());
        ctx.redirect("/ui/events", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        String cookie = ctx.cookie(BrowserGate.COOKIE);
        if (cookie != null) {
            gate.sessions().signOut(cookie);
        }
        BrowserGate.setCookie(ctx, BrowserGate.COOKIE, "", 0);
        ctx.redirect("/ui/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void shell(Context ctx, String title, String view, String data, String main, boolean map,
                       boolean graph) {
        Sessions.Current s = ctx.attribute("vigil.session");
        ctx.contentType("text/html;charset=utf-8").result(Html.page(title, view, data, s.principal().name(),
                s.csrf(), main, map, graph, withAdmin && AdminApi.admits(s.principal())));
    }

    private void dashboard(Context ctx) {
        String id = ctx.pathParam("id");
        if (Identifier.problem(id) != null || !id.startsWith("vigil-event--")) {
            notFound(ctx, "event " + id);
            return;
        }
        String at = Optional.ofNullable(ctx.queryParam("at")).filter(v -> v.matches("\\d{4}-\\d{2}-\\d{2}"))
                .orElse("");
        shell(ctx, "Event", "dashboard", "data-event=\"" + Html.escape(id) + "\" data-at=\"" + Html.escape(at)
                + "\"", "<h1 id=\"event-name\">Event</h1>"
                + "<p id=\"status\" role=\"status\">Loading the picture…</p>"
                + "<form id=\"as-of\" class=\"inline\"><label for=\"at\">As of</label>"
                + "<input type=\"date\" id=\"at\" name=\"at\"><button type=\"submit\">Show</button></form>"
                + "<section aria-labelledby=\"advisory-h\" class=\"card\"><h2 id=\"advisory-h\">Advisory level</h2>"
                + "<p id=\"advisory\">Not available: travel advisories come with the alerts module.</p>"
                + "</section>"
                + "<div class=\"grid\"><section aria-labelledby=\"map-h\" class=\"card\"><h2 id=\"map-h\">Places"
                + "</h2><div id=\"map\" class=\"map\" role=\"region\" aria-label=\"Map of the event's places\">"
                + "</div><ul id=\"levels\" class=\"list\"></ul></section>"
                + "<section aria-labelledby=\"upticks-h\" class=\"card\"><h2 id=\"upticks-h\">Upticks, last 90 days"
                + "</h2><ul id=\"upticks\" class=\"list\"></ul></section></div>"
                + "<section aria-labelledby=\"timeline-h\" class=\"card\"><h2 id=\"timeline-h\">Reporting, last 90 "
                + "days</h2><div id=\"timeline\"></div></section>"
                + "<section aria-labelledby=\"reports-h\" class=\"card\"><h2 id=\"reports-h\">Newest reports</h2>"
                + "<ul id=\"reports\" class=\"list\"></ul></section>", true, false);
    }

    /** An object's page; one the user may not see answers 404, exactly like one that does not exist. */
    private void object(Context ctx, boolean graph) {
        String id = ctx.pathParam("id");
        Sessions.Current s = ctx.attribute("vigil.session");
        if (Identifier.problem(id) != null
                || reads.object(s.principal(), id, ctx.method() + " " + ctx.path()).isEmpty()) {
            notFound(ctx, "object " + id);
            return;
        }
        String data = "data-object=\"" + Html.escape(id) + "\"";
        if (graph) {
            shell(ctx, "Graph", "graph", data, "<h1>Graph of <a id=\"centre\" href=\"/ui/objects/" + Html.escape(id)
                    + "\">" + Html.escape(id) + "</a></h1><p class=\"hint\">Select a node to expand its "
                    + "neighbours; double-click to open it.</p><div id=\"graph\" class=\"graph\" role=\"img\" "
                    + "aria-label=\"Graph of related objects\"></div><ul id=\"graph-list\" class=\"list\"></ul>",
                    false, true);
        } else {
            shell(ctx, "Object", "object", data, "<div id=\"tlp\" class=\"tlp\" role=\"note\"></div>"
                    + "<h1 id=\"object-name\">" + Html.escape(id) + "</h1>"
                    + "<p><a href=\"/ui/objects/" + Html.escape(id) + "/graph\">Show the graph</a></p>"
                    + "<section class=\"card\" aria-labelledby=\"props-h\"><h2 id=\"props-h\">Properties</h2>"
                    + "<dl id=\"properties\" class=\"props\"></dl></section>"
                    + "<section class=\"card\" aria-labelledby=\"out-h\"><h2 id=\"out-h\">References and "
                    + "relationships from this object</h2><ul id=\"outgoing\" class=\"list\"></ul></section>"
                    + "<section class=\"card\" aria-labelledby=\"in-h\"><h2 id=\"in-h\">Relationships to this "
                    + "object</h2><ul id=\"incoming\" class=\"list\"></ul></section>"
                    + "<section class=\"card\" aria-labelledby=\"versions-h\"><h2 id=\"versions-h\">Versions</h2>"
                    + "<ol id=\"versions\" class=\"list\"></ol></section>", false, false);
        }
    }

    private void search(Context ctx) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        shell(ctx, "Search", "search", "", "<h1>Search</h1><form id=\"search-form\" role=\"search\" "
                + "action=\"/ui/search\" method=\"get\"><label for=\"q\">Words to find</label>"
                + "<input id=\"q\" name=\"q\" type=\"search\" value=\"" + Html.escape(q) + "\" autocomplete=\"off\">"
                + "<label for=\"type\">Type</label><input id=\"type\" name=\"type\" value=\""
                + Html.escape(Optional.ofNullable(ctx.queryParam("type")).orElse("")) + "\" placeholder=\"any\">"
                + "<label for=\"marking\">Marking</label><select id=\"marking\" name=\"marking\">"
                + "<option value=\"\">any</option><option value=\"clear\">TLP:CLEAR</option>"
                + "<option value=\"green\">TLP:GREEN</option><option value=\"amber\">TLP:AMBER</option>"
                + "<option value=\"amber+strict\">TLP:AMBER+STRICT</option><option value=\"red\">TLP:RED</option>"
                + "</select><label for=\"from\">Modified from</label><input id=\"from\" name=\"from\" type=\"date\">"
                + "<label for=\"to\">to</label><input id=\"to\" name=\"to\" type=\"date\">"
                + filterInput(ctx, "place", "Place", "location", "a location's name or id")
                + filterInput(ctx, "source", "Source", "identity", "an organisation's name or id")
                + "<button type=\"submit\">Search</button></form>"
                + "<p id=\"status\" role=\"status\"></p><ul id=\"results\" class=\"list\"></ul>", false, false);
    }

    /**
     * A filter naming a STIX object by id; typing a name offers the matching objects of that type the user may
     * see (from search), so nobody needs to know ids.
     */
    private static String filterInput(Context ctx, String name, String label, String type, String hint) {
        return "<label for=\"" + name + "\">" + label + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" list=\"" + name + "-options\" data-type=\"" + type + "\" autocomplete=\"off\" value=\""
                + Html.escape(Optional.ofNullable(ctx.queryParam(name)).orElse("")) + "\" placeholder=\""
                + Html.escape(hint) + "\"><datalist id=\"" + name + "-options\"></datalist>";
    }

    private void notFound(Context ctx, String what) {
        Sessions.Current s = ctx.attribute("vigil.session");
        ctx.status(404).contentType("text/html;charset=utf-8").result(Html.page("Not found", "notfound", "",
                s.principal().name(), s.csrf(), "<h1>Not found</h1><p>" + Html.escape(what)
                        + " does not exist or is not visible to you.</p>", false, false));
    }

    private void asset(Context ctx, String root, String file, Pattern allowed) throws IOException {
        if (!allowed.matcher(file).matches()) {
            ctx.status(404).result("");
            return;
        }
        try (InputStream in = UiPages.class.getResourceAsStream(root + file)) {
            if (in == null) {
                ctx.status(404).contentType("text/plain").result("no such file");
                return;
            }
            ctx.contentType(mediaType(file)).result(in.readAllBytes());
        }
    }

    private static String mediaType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript;charset=utf-8";
        } else if (file.endsWith(".css")) {
            return "text/css;charset=utf-8";
        } else if (file.endsWith(".geojson")) {
            return "application/geo+json";
        } else if (file.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "image/png";
    }
}
