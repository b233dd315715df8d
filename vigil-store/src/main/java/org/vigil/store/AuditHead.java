package org.vigil.store;

/**
 * Where the audit log ends, kept apart from the records and moved with every append, so that removing records
 * from the end of the log is detectable even though the chain that remains is intact. When the store has an audit
 * key, each append also seals the head with it, so that a log rewritten wholesale in the database, records and head
 * together, is detectable too.
 *
 * @param seq the sequence number of the last record (0 for an empty log)
 * @param hash the hash of the last record ({@link AuditRecord#GENESIS} for an empty log)
 * @param seal whether the head carries the seal of the store's audit key
 */
public record AuditHead(long seq, String hash, Seal seal) {

    /** The state of the head's seal. */
    public enum Seal {
        /** The store was opened without an audit key, so the seal was not checked. */
        UNKEYED,
        /** The head carries the seal that the store's key makes for its sequence number and hash. */
        INTACT,
        /** The seal is missing or does not fit: the head was written by someone without the key. */
        BROKEN
    }
}
