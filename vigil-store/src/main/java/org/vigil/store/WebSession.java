package org.vigil.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A signed-in browser session as the store keeps it: never the cookie, only its SHA-256 hash, so that a copy of
 * the database cannot be used to sign in. Kept in the store so that any node can serve the session.
 *
 * @param sha256 the SHA-256 of the session cookie's value, 64 lowercase hex digits
 * @param userId the user it is for
 * @param csrf the token every change made in this session must carry
 * @param created when the user signed in
 * @param expires when it stops working however busy it is
 * @param lastSeen when it was last used, for the idle timeout
 */
public record WebSession(String sha256, UUID userId, String csrf, Instant created, Instant expires,
                         Instant lastSeen) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public WebSession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("session of user " + userId
                    + ": the hash must be a SHA-256 in 64 lowercase hex digits");
        }
        created = created.truncatedTo(ChronoUnit.MICROS);
        expires = expires.truncatedTo(ChronoUnit.MICROS);
        lastSeen = lastSeen.truncatedTo(ChronoUnit.MICROS);
    }

    /** A session just opened: last used when it was created. */
    public WebSession(String sha256, UUID userId, String csrf, Instant created, Instant expires) {
        this(sha256, userId, csrf, created, expires, created);
    }

    /** Leaves the hash and the CSRF token out, so sessions can be logged. */
    @Override
    public String toString() {
        return "WebSession[user " + userId + ", expires " + expires + ", last seen " + lastSeen + "]";
    }
}
