package org.vigil.taxii.internal;

import org.vigil.taxii.api.ApiException;

/**
 * A TAXII request the server refuses: an {@link ApiException} (status, title, and a description that tells the
 * client what to change), with the refusals TAXII's endpoints share.
 */
public final class TaxiiException extends ApiException {

    private static final long serialVersionUID = 1L;

    public TaxiiException(int status, String title, String description) {
        super(status, title, description);
    }

    public static TaxiiException badRequest(String description) {
        return new TaxiiException(400, "Bad request", description);
    }

    /** The one answer for "no such thing" and "not yours to see", so that the two cannot be told apart. */
    public static TaxiiException notFound(String what) {
        return new TaxiiException(404, "Not found", what + " does not exist or is not visible to you");
    }
}
