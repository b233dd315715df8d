package org.vigil.taxii.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A document served as is, in a media type of its own (a CAP message, an Atom feed, a PEM key), outside the JSON
 * API.
 *
 * @param mediaType the Content-Type of the response
 * @param body the bytes of the response
 */
public record Document(String mediaType, byte[] body) {

    public Document {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(body, "body");
    }

    public static Document text(String mediaType, String body) {
        return new Document(mediaType, body.getBytes(StandardCharsets.UTF_8));
    }
}
