package org.vigil.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks STIX 2.1 objects against every MUST of the specification (errors) and its SHOULDs (warnings). The
 * rules come from the type tables; this class only walks an object and reports. It is thread-safe and keeps
 * no state between objects, so a bundle of any size can be validated one object at a time.
 */
public final class Validator {

    private static final Validator STANDARD = new Validator(TypeTable.standard());

    private final TypeTable table;

    private Validator(TypeTable table) {
        this.table = table;
    }

    /** The validator for STIX 2.1 as published. */
    public static Validator standard() {
        return STANDARD;
    }

    /** All findings for one object, errors and warnings, in the order they were found. */
    public List<Finding> validate(StixObject object) {
        List<Finding> findings = new ArrayList<>();
        new ObjectCheck(table, object.tree(), findings).run();
        return findings;
    }

    /** Whether the object has no errors (warnings allowed). */
    public boolean isValid(StixObject object) {
        return validate(object).stream().noneMatch(Finding::isError);
    }

    /** Findings for a bundle's own properties (type, id), its objects aside. */
    public List<Finding> validateBundleHeader(ObjectNode header) {
        List<Finding> findings = new ArrayList<>();
        new ObjectCheck(table, header, findings).runBundleHeader();
        return findings;
    }
}
