package org.vigil.web.internal;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.vigil.access.Principal;
import org.vigil.access.Sessions;
import org.vigil.taxii.api.ApiException;

/**
 * Who a browser is: its session cookie, checked against the store, and the CSRF token every change must carry.
 * The cookie is HttpOnly, SameSite=Strict, and Secure whenever the request came over TLS.
 */
public final class BrowserGate {

    public static final String COOKIE = "vigil_session";
    /** Before sign-in, the login form's CSRF token is a double-submitted cookie (no session exists yet). */
    public static final String LOGIN_COOKIE = "vigil_login";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";

    private final Sessions sessions;

    public BrowserGate(Sessions sessions) {
        this.sessions = sessions;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** The request's session, if it carries a valid one. */
    public Optional<Sessions.Current> session(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        return cookie == null ? Optional.empty() : sessions.current(cookie);
    }

    /**
     * The principal of an API call made from a page: none without a session cookie (other credentials then
     * apply); a refusal for a session that has ended or a change without the session's CSRF token.
     */
    public Optional<Principal> apiPrincipal(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null) {
            return Optional.empty();
        }
        ctx.attribute(org.vigil.taxii.api.ApiV1.BROWSER_SESSION, Boolean.TRUE);
        Sessions.Current s = sessions.current(cookie).orElseThrow(() -> new ApiException(401, "Unauthorized",
                "your session has ended; sign in again at /ui/login"));
        if (!safe(ctx) && !Sessions.csrfMatches(s, ctx.header(CSRF_HEADER))) {
            throw ApiException.forbidden("a change made from the UI must carry the page's CSRF token in the "
                    + CSRF_HEADER + " header; reload the page and retry");
        }
        return Optional.of(s.principal());
    }

    public static boolean safe(Context ctx) {
        String m = ctx.method().name();
        return m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    }

    public static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.cookie(new Cookie(name, value, "/", maxAgeSeconds, ctx.req().isSecure(), 0, true, null, null,
                SameSite.STRICT));
    }
}
