package org.vigil.access;

import java.util.List;
import java.util.Optional;
import org.vigil.store.AuditEvent;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Store;

/**
 * The tamper-evident record of who saw and did what. Reads are recorded once per request with every object id
 * returned, so auditing costs one append per request rather than one per object.
 */
public final class AuditLog {

    private static final int VERIFY_BATCH = 5_000;

    private final Store store;

    public AuditLog(Store store) {
        this.store = store;
    }

    /** Appends one record of a change (a write, a deletion, an admin action), durable before this returns. */
    public void record(Principal p, String action, String path, List<String> objectIds, String detail) {
        store.appendAudit(change(p, action, path, objectIds, detail));
    }

    /** The record of a change by {@code p}, for a store write that appends it in the change's own transaction. */
    public AuditEvent change(Principal p, String action, String path, List<String> objectIds, String detail) {
        return new AuditEvent(p.userId(), action, path, objectIds, detail);
    }

    /**
     * Appends one record of a read or a failed login. It is committed before the reader gets anything, but the
     * commit does not wait for the disk, so that auditing does not make every page pay a disk flush.
     */
    public void recordRead(Principal p, String action, String path, List<String> objectIds, String detail) {
        store.appendAuditLazily(new AuditEvent(p.userId(), action, path, objectIds, detail));
    }

    /** What {@link #verify()} found: how many records it checked, and the first that breaks the chain. */
    public record Verification(long records, Optional<Break> firstBreak) {

        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /** A record that does not fit the chain, and why. */
    public record Break(long seq, String reason) {
    }

    /** Walks the whole log, checking sequence numbers, each record's hash and its link to the one before. */
    public Verification verify() {
        long expectedSeq = 1;
        String prevHash = AuditRecord.GENESIS;
        long count = 0;
        while (true) {
            List<AuditRecord> batch = store.audit(AuditQuery.all(VERIFY_BATCH).afterSeq(expectedSeq - 1));
            if (batch.isEmpty()) {
                return new Verification(count, endsAtHead(count, prevHash));
            }
            for (AuditRecord r : batch) {
                Optional<Break> broken = check(r, expectedSeq, prevHash);
                if (broken.isPresent()) {
                    return new Verification(count, broken);
                }
                count++;
                expectedSeq++;
                prevHash = r.hash();
            }
        }
    }

    /** The chain must end where the head, moved with every append, says it does. */
    private Optional<Break> endsAtHead(long lastSeq, String lastHash) {
        AuditHead head = store.auditHead();
        if (head.seq() > lastSeq) {
            return Optional.of(new Break(lastSeq + 1, "records " + (lastSeq + 1) + " to " + head.seq()
                    + " are missing: the log's head says it ends at record " + head.seq() + "; records were deleted"));
        }
        if (head.seq() != lastSeq || !head.hash().equals(lastHash)) {
            return Optional.of(new Break(lastSeq, "record " + lastSeq + " is not the record the log's head names "
                    + "(record " + head.seq() + "); the end of the log was replaced"));
        }
        if (head.seal() == AuditHead.Seal.BROKEN) {
            return Optional.of(new Break(lastSeq, "the log's head does not carry this installation's seal: the log "
                    + "was written or rewritten by someone without its audit key (audit.key in the data directory)"));
        }
        return Optional.empty();
    }

    private static Optional<Break> check(AuditRecord r, long expectedSeq, String prevHash) {
        if (r.seq() != expectedSeq) {
            return Optional.of(new Break(expectedSeq, "record " + expectedSeq + " is missing (the next record is "
                    + r.seq() + "); records were deleted"));
        }
        if (!r.prevHash().equals(prevHash)) {
            return Optional.of(new Break(r.seq(), "record " + r.seq() + " does not carry the hash of record "
                    + (r.seq() - 1) + "; a record before it was changed or replaced"));
        }
        if (!r.computeHash().equals(r.hash())) {
            return Optional.of(new Break(r.seq(), "record " + r.seq() + " was changed after it was written: its "
                    + "content no longer matches its hash"));
        }
        return Optional.empty();
    }

    /** Lists records matching a query. */
    public List<AuditRecord> list(AuditQuery query) {
        return store.audit(query);
    }
}
