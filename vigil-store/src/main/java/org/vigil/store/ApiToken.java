package org.vigil.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An API token as the store keeps it: never the token, only its SHA-256 hash. Instants are kept to the
 * microsecond.
 *
 * @param id the token id, shown in listings and used to revoke it
 * @param userId the user it acts for
 * @param sha256 the SHA-256 of the token, 64 lowercase hex digits
 * @param scope the collections it may be used on
 * @param expires when it stops working, or null for never
 * @param revoked whether it has been revoked
 * @param created when it was made
 */
public record ApiToken(UUID id, UUID userId, String sha256, TokenScope scope, Instant expires, boolean revoked,
                       Instant created) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(created, "created");
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("token " + id + ": the hash must be a SHA-256 in 64 lowercase hex digits");
        }
        expires = expires == null ? null : expires.truncatedTo(ChronoUnit.MICROS);
        created = created.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the token still works at this instant: not revoked and not expired. */
    public boolean usableAt(Instant now) {
        return !revoked && (expires == null || now.isBefore(expires));
    }

    /** Leaves the hash out, so tokens can be logged. */
    @Override
    public String toString() {
        return "ApiToken[" + id + ", user " + userId + (revoked ? ", revoked" : "")
                + (expires == null ? "" : ", expires " + expires) + "]";
    }
}
