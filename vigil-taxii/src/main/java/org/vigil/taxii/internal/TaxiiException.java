package org.vigil.taxii.internal;

/**
 * A request the server refuses, carrying what the TAXII error message will say: the HTTP status, a title, and
 * a description that tells the client what to change.
 */
public final class TaxiiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;

    public TaxiiException(int status, String title, String description) {
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

    public static TaxiiException badRequest(String description) {
        return new TaxiiException(400, "Bad request", description);
    }

    /** The one answer for "no such thing" and "not yours to see", so that the two cannot be told apart. */
    public static TaxiiException notFound(String what) {
        return new TaxiiException(404, "Not found", what + " does not exist or is not visible to you");
    }
}
