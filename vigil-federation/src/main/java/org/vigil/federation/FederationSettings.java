package org.vigil.federation;

import java.time.Duration;

/**
 * How feeds run: objects asked for per page, how long a node's claim on a feed lasts without renewal (a node
 * that dies holds its feeds this long at most), and how long one request to a remote may take.
 */
public record FederationSettings(int pageSize, Duration lease, Duration requestTimeout, int attempts,
                                 Duration firstBackoff) {

    public static FederationSettings defaults() {
        return new FederationSettings(1000, Duration.ofMinutes(1), Duration.ofMinutes(2), 6, Duration.ofSeconds(1));
    }

    public FederationSettings withPageSize(int size) {
        return new FederationSettings(size, lease, requestTimeout, attempts, firstBackoff);
    }

    public FederationSettings withLease(Duration d) {
        return new FederationSettings(pageSize, d, requestTimeout, attempts, firstBackoff);
    }
}
