package org.vigil.store;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.Tlp;

/**
 * Who will read a query's results, in the terms the store can filter on, so that pages for a reader who may see
 * little of a collection are not filled by shipping every hidden row out of the database. It only narrows: the
 * access layer still applies the marking policy to every row it returns.
 *
 * @param open the TLP levels this reader may read whoever the source is
 * @param unmarkedAs the level of rows without a TLP marking (the collection's default)
 * @param sourceIdentity the reader's organisation identity: AMBER+STRICT rows it created pass; or null
 * @param poster the reader's user id: RED rows they posted pass; or null
 * @param recipient the reader's user id, which a RED row lets through to the policy check when one of its
 *     extensions lists it under "recipients" (the store indexes those lists); or null
 */
public record Audience(Set<Tlp> open, Tlp unmarkedAs, String sourceIdentity, UUID poster, String recipient) {

    public Audience {
        open = Set.copyOf(open);
        Objects.requireNonNull(unmarkedAs, "unmarkedAs");
    }
}
