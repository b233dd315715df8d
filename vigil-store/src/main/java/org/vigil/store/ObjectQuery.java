package org.vigil.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vigil.stix.Timestamp;

/**
 * A TAXII object query on one collection: {@code match[id]}, {@code match[type]} and {@code match[spec_version]}
 * (OR within each list, AND across lists; an empty list does not filter), {@code match[version]},
 * {@code added_after}, a page size and where the previous page stopped. Results come oldest date_added first.
 *
 * <p>Without {@code specVersions}, each object is seen only in the newest spec version the collection holds for
 * it; {@code versions} then picks among that spec version's versions.
 *
 * @param collectionId the collection to read
 * @param ids object ids to match
 * @param types object types to match
 * @param specVersions spec versions to match, e.g. {@code 2.1}
 * @param versions which versions of each object
 * @param addedAfter only what was added strictly after this STIX timestamp, or null
 * @param limit the most results in one page
 * @param after the cursor from the previous page, or null for the first page
 * @param audience who will read the results, to leave out rows they may certainly not see; or null for all rows
 */
public record ObjectQuery(UUID collectionId, List<String> ids, List<String> types, List<String> specVersions,
                          VersionMatch versions, String addedAfter, int limit, Cursor after, Audience audience) {

    /** The largest page the store hands out; callers lower it as they see fit. */
    public static final int MAX_LIMIT = 10_000;

    public static final int DEFAULT_LIMIT = 1_000;

    public ObjectQuery {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(versions, "versions");
        ids = List.copyOf(ids);
        types = List.copyOf(types);
        specVersions = List.copyOf(specVersions);
        if (addedAfter != null && Timestamp.problem(addedAfter) != null) {
            throw new IllegalArgumentException("added_after: " + Timestamp.problem(addedAfter));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Starts a query on a collection: every object, newest version, first page of {@value #DEFAULT_LIMIT}. */
    public static Builder in(UUID collectionId) {
        return new Builder(collectionId);
    }

    /** A builder holding this query's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(collectionId).ids(ids).types(types).specVersions(specVersions).versions(versions)
                .addedAfter(addedAfter).limit(limit).after(after).audience(audience);
    }

    /** The same query continued after a cursor. */
    public ObjectQuery after(Cursor cursor) {
        return toBuilder().after(cursor).build();
    }

    /** Collects the parts of an {@link ObjectQuery}. */
    public static final class Builder {
        private final UUID collectionId;
        private List<String> ids = List.of();
        private List<String> types = List.of();
        private List<String> specVersions = List.of();
        private VersionMatch versions = VersionMatch.LAST;
        private String addedAfter;
        private int limit = DEFAULT_LIMIT;
        private Cursor after;
        private Audience audience;

        private Builder(UUID collectionId) {
            this.collectionId = collectionId;
        }

        public Builder ids(List<String> ids) {
            this.ids = ids;
            return this;
        }

        public Builder ids(String... ids) {
            return ids(List.of(ids));
        }

        public Builder types(List<String> types) {
            this.types = types;
            return this;
        }

        public Builder types(String... types) {
            return types(List.of(types));
        }

        public Builder specVersions(List<String> specVersions) {
            this.specVersions = specVersions;
            return this;
        }

        public Builder specVersions(String... specVersions) {
            return specVersions(List.of(specVersions));
        }

        public Builder versions(VersionMatch versions) {
            this.versions = versions;
            return this;
        }

        public Builder addedAfter(String timestamp) {
            this.addedAfter = timestamp;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder after(Cursor cursor) {
            this.after = cursor;
            return this;
        }

        public Builder audience(Audience who) {
            this.audience = who;
            return this;
        }

        public ObjectQuery build() {
            return new ObjectQuery(collectionId, ids, types, specVersions, versions, addedAfter, limit, after, audience);
        }
    }
}
