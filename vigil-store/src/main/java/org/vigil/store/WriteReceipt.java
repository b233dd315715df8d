package org.vigil.store;

import java.util.Objects;

/**
 * What a write leaves beside its objects, stored in their transaction by
 * {@link Store#add(java.util.UUID, java.util.UUID, java.util.List, FeedProgress, java.util.function.Function)}.
 *
 * @param status the write's status resource, or null when none is kept (a feed's batches)
 * @param audit the audit record of the write
 */
public record WriteReceipt(Status status, AuditEvent audit) {

    public WriteReceipt {
        Objects.requireNonNull(audit, "audit");
    }
}
