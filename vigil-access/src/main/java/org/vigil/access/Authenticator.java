package org.vigil.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.ApiToken;
import org.vigil.store.Organisation;
import org.vigil.store.Store;
import org.vigil.store.User;

/**
 * Turns credentials into a {@link Principal}: HTTP Basic (a user's password) or a bearer API token. Failures
 * are slowed down per account name and written to the audit log; checks take the same time whether the user
 * exists or not.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final Store store;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final RecentLogins recent = new RecentLogins();
    private final Clock clock;

    public Authenticator(Store store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
    }

    /** The user with this name and password, after any delay that earlier failures for the name impose. */
    public Optional<Principal> password(String name, char[] password, String path) {
        pause(throttle.delayFor(name));
        Optional<User> user = store.userByName(name);
        String key = recent.key(name, password);
        if (user.isPresent() && recent.confirms(key, user.get().passwordHash(), clock.instant())) {
            return principal(user.get(), null);
        }
        boolean ok = Passwords.verify(password, user.map(User::passwordHash).orElse(null)) && user.isPresent();
        if (ok) {
            recent.remember(key, user.get().passwordHash(), clock.instant());
        }
        if (!ok) {
            throttle.failed(name);
            audit.recordRead(Principal.anonymous(), "login-failed", path, List.of(), "user " + name);
            return Optional.empty();
        }
        throttle.succeeded(name);
        return principal(user.get(), null);
    }

    /** The user an API token acts for, if the token is known, unrevoked and unexpired. */
    public Optional<Principal> token(String token, String path) {
        Optional<ApiToken> found = Tokens.looksLikeToken(token) ? store.tokenByHash(Tokens.hash(token)) : Optional.empty();
        if (found.isEmpty() || !found.get().usableAt(clock.instant())) {
            audit.recordRead(Principal.anonymous(), "login-failed", path, List.of(),
                    found.isEmpty() ? "unknown token" : "token " + found.get().id() + " revoked or expired");
            return Optional.empty();
        }
        return store.user(found.get().userId()).flatMap(u -> principal(u, found.get()));
    }

    /**
     * A user as the read and write paths decide for them, as a password login would make them (every collection
     * their grants allow, their organisation's claimed identities included), for callers that have no login to
     * check: the command line, whose user already owns the data directory. Empty when the user's organisation is gone.
     */
    public Optional<Principal> principal(User user) {
        return principal(user, null);
    }

    private Optional<Principal> principal(User user, ApiToken token) {
        if (store.isDisabled(user.id())) {
            LOG.info("user {} is disabled; refusing the login", user.name());
            return Optional.empty();
        }
        Optional<Organisation> org = store.organisation(user.organisationId());
        if (org.isEmpty()) {
            LOG.warn("user {} belongs to organisation {}, which does not exist; refusing the login", user.name(),
                    user.organisationId());
            return Optional.empty();
        }
        Principal p = token == null ? Principal.of(user, org.get()) : Principal.of(user, org.get(), token.scope());
        List<String> claimed = store.claimedIdentities(org.get().id());
        return Optional.of(claimed.isEmpty() ? p : p.withClaimedIdentities(claimed));
    }

    private static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
