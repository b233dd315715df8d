package org.vigil.taxii.api;

/**
 * A request that Vigil's own API refuses. It becomes a TAXII-shaped error body: the HTTP status, a title, and a
 * description that tells a person what to change.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    public ApiException(int status, String title, String description) {
        super(description, null, false, false);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return getMessage();
    }

    /** Malformed input: a parameter that cannot be read, a body that is not JSON. */
    public static ApiException badRequest(String description) {
        return new ApiException(400, "Bad request", description);
    }

    /** The one answer for "no such thing" and "not yours to see", so that the two cannot be told apart. */
    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", what + " does not exist or is not visible to you");
    }

    /** Well-formed input that cannot be acted on (a date range backwards, an unknown level). */
    public static ApiException unprocessable(String description) {
        return new ApiException(422, "Unprocessable", description);
    }

    /** A right the caller lacks; for things the caller can already see, so saying so reveals nothing. */
    public static ApiException forbidden(String description) {
        return new ApiException(403, "Forbidden", description);
    }
}
