package org.vigil.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit records to list, in sequence order: optionally only one user's, only those naming an object,
 * only those since an instant, and only those after a sequence number (to page through the whole log).
 *
 * @param actor only this user's records, or null for everyone's
 * @param objectId only records that name this object, or null
 * @param since only records appended at or after this instant, or null
 * @param afterSeq only records with a greater sequence number (0 from the start)
 * @param limit the most records to return
 */
public record AuditQuery(UUID actor, String objectId, Instant since, long afterSeq, int limit) {

    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must not be negative, got " + afterSeq);
        }
    }

    /** Every record from the start, a page of {@code limit} at a time. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, 0, limit);
    }

    public AuditQuery byActor(UUID user) {
        return new AuditQuery(user, objectId, since, afterSeq, limit);
    }

    public AuditQuery naming(String id) {
        return new AuditQuery(actor, id, since, afterSeq, limit);
    }

    public AuditQuery since(Instant instant) {
        return new AuditQuery(actor, objectId, instant, afterSeq, limit);
    }

    public AuditQuery afterSeq(long seq) {
        return new AuditQuery(actor, objectId, since, seq, limit);
    }
}
