package org.vigil.access;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vigil.store.Store;
import org.vigil.store.WebSession;

/**
 * Browser sessions of the web UI. A user signs in with a password (through the {@link Authenticator}, so failures
 * are throttled and audited as for TAXII); the browser then holds a random cookie of which the store keeps only
 * a hash, with the CSRF token that every change in the session must carry.
 */
public final class Sessions {

    /** How long a session lasts after sign-in; a working day and then some. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final Store store;
    private final Authenticator auth;
    private final Clock clock;

    public Sessions(Store store, Authenticator auth, Clock clock) {
        this.store = store;
        this.auth = auth;
        this.clock = clock;
    }

    /** A signed-in session: the cookie value (shown to the browser only) and its CSRF token. */
    public record Opened(String cookie, String csrf, Principal principal) {
        @Override
        public String toString() {
            return "Opened[" + principal + "]";
        }
    }

    /** A session presented by a browser, still valid. */
    public record Current(Principal principal, String csrf) {
    }

    /** Signs a user in with a password; empty when refused (the refusal is throttled and audited). */
    public Optional<Opened> signIn(String name, char[] password, String path) {
        Optional<Principal> p = auth.password(name, password, path);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String cookie = Tokens.generate();
        String csrf = Tokens.generate();
        Instant now = clock.instant();
        store.putSession(new WebSession(Tokens.hash(cookie), p.get().userId(), csrf, now, now.plus(LIFETIME)));
        return Optional.of(new Opened(cookie, csrf, p.get()));
    }

    /** The session a cookie stands for, if it is known and unexpired, with its user as they are now. */
    public Optional<Current> current(String cookie) {
        if (!Tokens.looksLikeToken(cookie)) {
            return Optional.empty();
        }
        Optional<WebSession> s = store.sessionByHash(Tokens.hash(cookie));
        if (s.isEmpty() || !clock.instant().isBefore(s.get().expires())) {
            return Optional.empty();
        }
        return store.user(s.get().userId()).flatMap(u -> store.organisation(u.organisationId())
                .map(o -> new Current(Principal.of(u, o), s.get().csrf())));
    }

    /** Ends a session (sign-out). */
    public void signOut(String cookie) {
        if (Tokens.looksLikeToken(cookie)) {
            store.deleteSession(Tokens.hash(cookie));
        }
    }

    /** Compares a presented CSRF token with the session's in constant time. */
    public static boolean csrfMatches(Current session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
