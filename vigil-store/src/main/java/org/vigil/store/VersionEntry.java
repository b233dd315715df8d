package org.vigil.store;

/**
 * One version of an object and when its collection received it.
 *
 * @param id the STIX id
 * @param version the version, as a TAXII timestamp
 * @param dateAdded when the collection received this version, as a TAXII timestamp
 */
public record VersionEntry(String id, String version, String dateAdded) {
}
