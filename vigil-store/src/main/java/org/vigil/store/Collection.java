package org.vigil.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vigil.stix.Tlp;

/**
 * A TAXII collection and the sharing settings Vigil keeps with it.
 *
 * @param id the collection id
 * @param apiRoot the name of the API root that serves it
 * @param title the human-readable title
 * @param description a description, or null
 * @param alias a short name, unique within its API root, or null
 * @param mediaTypes the media types of the objects it holds
 * @param isPublic whether anonymous readers may read it
 * @param defaultMarking the TLP level of objects that carry no TLP marking
 */
public record Collection(UUID id, String apiRoot, String title, String description, String alias,
                         List<String> mediaTypes, boolean isPublic, Tlp defaultMarking) {

    /** What a collection holds unless told otherwise. */
    public static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

    public Collection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(apiRoot, "apiRoot");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultMarking, "defaultMarking");
        mediaTypes = List.copyOf(mediaTypes);
        for (String type : mediaTypes) {
            if (type.contains(",")) {
                throw new IllegalArgumentException("media type '" + type + "' of collection " + id
                        + " contains a comma; list each media type separately");
            }
        }
        if (alias != null && alias.isEmpty()) {
            throw new IllegalArgumentException("the alias of collection " + id + " is empty; use null for none");
        }
    }

    /** A private STIX 2.1 collection with the default marking, AMBER. */
    public static Collection of(UUID id, String apiRoot, String title) {
        return new Collection(id, apiRoot, title, null, null, List.of(STIX_MEDIA_TYPE), false, Tlp.AMBER);
    }

    public Collection withDescription(String text) {
        return new Collection(id, apiRoot, title, text, alias, mediaTypes, isPublic, defaultMarking);
    }

    public Collection withAlias(String name) {
        return new Collection(id, apiRoot, title, description, name, mediaTypes, isPublic, defaultMarking);
    }

    public Collection withPublic(boolean anonymousRead) {
        return new Collection(id, apiRoot, title, description, alias, mediaTypes, anonymousRead, defaultMarking);
    }

    public Collection withDefaultMarking(Tlp level) {
        return new Collection(id, apiRoot, title, description, alias, mediaTypes, isPublic, level);
    }
}
