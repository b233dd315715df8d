package org.vigil.stix;

/**
 * The input is not STIX JSON at all (not UTF-8, not JSON, truncated, too deep), as opposed to a STIX object
 * that breaks a rule, which is a {@link Finding}. The message names the source and position.
 */
public final class StixFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StixFormatException(String message) {
        super(message, null, false, false);
    }

}
