package org.vigil.store;

/**
 * What {@link Store#add} did with one object of a batch.
 *
 * @param id the STIX id
 * @param version the version the store filed it under, as a TAXII timestamp
 * @param outcome whether this call stored it or found it already there
 * @param dateAdded when the collection received that version, as a TAXII timestamp
 */
public record AddResult(String id, String version, Outcome outcome, String dateAdded) {

    /** The fate of one object in an add. */
    public enum Outcome {
        /** Stored by this call, durably once {@code add} returns. */
        STORED,
        /** The collection already held this id at this version; nothing was written, and that is no error. */
        ALREADY_PRESENT
    }
}
