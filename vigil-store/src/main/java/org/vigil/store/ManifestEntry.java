package org.vigil.store;

/**
 * One row of a TAXII manifest: an object version and when it was added.
 *
 * @param id the STIX id
 * @param dateAdded when the collection received this version, as a TAXII timestamp
 * @param version the version, as a TAXII timestamp
 * @param mediaType the STIX media type of this version, e.g. {@code application/stix+json;version=2.1}
 */
public record ManifestEntry(String id, String dateAdded, String version, String mediaType) {
}
