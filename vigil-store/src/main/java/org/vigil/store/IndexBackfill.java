package org.vigil.store;

/**
 * How far the backfill of the search and reference index has got through the objects stored before the index
 * existed (migration V10), which are otherwise only indexed when they get a new version.
 *
 * @param scanned newest versions looked at so far
 * @param indexed of those, the ones that were missing from the index and were added
 * @param total newest versions held when the backfill started, or -1 before it started
 * @param finished whether every collection has been looked at
 */
public record IndexBackfill(long scanned, long indexed, long total, boolean finished) {
}
