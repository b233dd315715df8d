package org.vigil.store;

/**
 * Where the audit log ends, kept apart from the records and moved with every append, so that removing records
 * from the end of the log is detectable even though the chain that remains is intact.
 *
 * @param seq the sequence number of the last record (0 for an empty log)
 * @param hash the hash of the last record ({@link AuditRecord#GENESIS} for an empty log)
 */
public record AuditHead(long seq, String hash) {
}
