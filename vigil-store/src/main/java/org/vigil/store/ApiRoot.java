package org.vigil.store;

import java.util.Objects;

/**
 * A TAXII API root: the path segment it is served under, and what its discovery document says.
 *
 * @param name the path segment, e.g. {@code api1}
 * @param title the human-readable title
 * @param description a description, or null
 * @param maxContentLength the largest request body it accepts, in bytes
 */
public record ApiRoot(String name, String title, String description, long maxContentLength) {

    public ApiRoot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("an API root name is one non-empty path segment, got '" + name + "'");
        }
        if (maxContentLength < 1) {
            throw new IllegalArgumentException("maxContentLength must be positive, got " + maxContentLength);
        }
    }
}
