package org.vigil.stix;

/** How much a {@link Finding} matters: an error breaks a MUST of the specification, a warning a SHOULD. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase();
    }
}
