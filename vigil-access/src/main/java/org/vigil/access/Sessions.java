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

    /** How long a session lasts after sign-in by default, however busy; a working day and then some. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** How long an unused session lasts by default. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /**
     * How stale the store's note of a session's last use may get: noting every request would make each page
     * view a write, so a use is noted only when the last note is older than this: a session may then end up to
     * this much before the idle timeout after its very last use, a small fraction of any sensible timeout.
     */
    static final Duration NOTE_EVERY = Duration.ofMinutes(1);

    private final Store store;
    private final Authenticator auth;
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    public Sessions(Store store, Authenticator auth, Clock clock) {
        this(store, auth, clock, IDLE, LIFETIME);
    }

    /**
     * Sessions that end after {@code idle} without use or {@code lifetime} after sign-in, whichever comes first.
     *
     * @throws IllegalArgumentException unless both are positive and idle is at most the lifetime
     */
    public Sessions(Store store, Authenticator auth, Clock clock, Duration idle, Duration lifetime) {
        if (idle.isNegative() || idle.isZero() || lifetime.compareTo(idle) < 0) {
            throw new IllegalArgumentException("a session's idle timeout (" + idle + ") must be positive and at"
                    + " most its lifetime (" + lifetime + ")");
        }
        this.store = store;
        this.auth = auth;
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** How long a session lasts after sign-in, however busy. */
    public Duration lifetime() {
        return lifetime;
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
        store.putSession(new WebSession(Tokens.hash(cookie), p.get().userId(), csrf, now, now.plus(lifetime)));
        return Optional.of(new Opened(cookie, csrf, p.get()));
    }

    /**
     * The session a cookie stands for, if it is known, within its lifetime and used within the idle timeout, with
     * its user as they are now; using it keeps it alive. Checked against the store, so any node may serve it.
     */
    public Optional<Current> current(String cookie) {
        if (!Tokens.looksLikeToken(cookie)) {
            return Optional.empty();
        }
        String hash = Tokens.hash(cookie);
        Optional<WebSession> s = store.sessionByHash(hash);
        Instant now = clock.instant();
        if (s.isEmpty() || !now.isBefore(s.get().expires()) || !now.isBefore(s.get().lastSeen().plus(idle))) {
            return Optional.empty();
        }
        if (!now.isBefore(s.get().lastSeen().plus(NOTE_EVERY))) {
            store.touchSession(hash, now);
        }
        // A user disabled since signing in loses the session at once.
        return store.user(s.get().userId()).filter(u -> !store.isDisabled(u.id()))
                .flatMap(u -> store.organisation(u.organisationId())
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
