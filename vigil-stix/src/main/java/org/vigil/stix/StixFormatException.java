package org.vigil.stix;

/**
 * The input is not STIX JSON at all (not UTF-8, not JSON, truncated, too deep), as opposed to a STIX object
 * that breaks a rule, which is a {@link Finding}. The message names the source and position.
 */
public final class StixFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean wellFormedJson;

    /** Input that is not even well-formed JSON (or breaks a safety limit): truncated, not UTF-8, too deep. */
    public StixFormatException(String message) {
        this(message, false);
    }

    private StixFormatException(String message, boolean wellFormedJson) {
        super(message, null, false, false);
        this.wellFormedJson = wellFormedJson;
    }

    /** Well-formed JSON that is not shaped like STIX: an array, a bare string, an object with no type. */
    static StixFormatException notStix(String message) {
        return new StixFormatException(message, true);
    }

    /** Whether the input parsed as JSON and failed only for its shape (a TAXII server answers 422, not 400). */
    public boolean isWellFormedJson() {
        return wellFormedJson;
    }
}
