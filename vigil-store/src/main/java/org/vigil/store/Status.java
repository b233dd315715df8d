package org.vigil.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vigil.stix.Timestamp;

/**
 * A TAXII status resource: how an add request went, kept so it can be read back after a restart.
 *
 * @param id the status id
 * @param apiRoot the name of the API root it belongs to
 * @param userId the user who made the request, or null (an import from the command line)
 * @param state complete or pending
 * @param requestTimestamp when the request arrived, as a TAXII timestamp; kept to the microsecond and read back
 *     with six fraction digits
 * @param totalCount how many objects the request held
 * @param successCount how many were stored
 * @param failureCount how many were refused
 * @param pendingCount how many are still being processed
 * @param successes the objects stored, in order
 * @param failures the objects refused, with why
 * @param pendings the objects still being processed
 */
public record Status(UUID id, String apiRoot, UUID userId, State state, String requestTimestamp,
                     long totalCount, long successCount, long failureCount, long pendingCount,
                     List<Detail> successes, List<Detail> failures, List<Detail> pendings) {

    public Status {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(state, "state");
        if (requestTimestamp == null || Timestamp.problem(requestTimestamp) != null) {
            throw new IllegalArgumentException("status " + id + ": request_timestamp '" + requestTimestamp
                    + "' is not a TAXII timestamp");
        }
        successes = List.copyOf(successes);
        failures = List.copyOf(failures);
        pendings = List.copyOf(pendings);
    }

    /** Whether the request is finished. */
    public enum State {
        COMPLETE, PENDING
    }

    /**
     * One object of the request and what became of it.
     *
     * @param id the object's id
     * @param version the object's version, or null when it has none (or none could be read)
     * @param message why, for a failure; or null
     */
    public record Detail(String id, String version, String message) {

        public Detail {
            Objects.requireNonNull(id, "id");
        }
    }
}
