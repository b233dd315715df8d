package org.vigil.stix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    /**
     * Validates everything a reader yields, one object at a time, handing each finding to {@code sink} as it is
     * found; memory use does not grow with the input. Format errors end the run with a
     * {@link StixFormatException}, after the findings reported so far.
     */
    public Summary validate(BundleReader reader, Consumer<Finding> sink) {
        long objects = 0;
        Tally tally = new Tally(sink);
        List<Finding> findings = new ArrayList<>();
        for (StixObject o = reader.next(); o != null; o = reader.next()) {
            objects++;
            findings.clear();
            new ObjectCheck(table, o.tree(), findings).run();
            findings.forEach(tally);
        }
        reader.problems().forEach(tally);
        ObjectNode header = reader.header();
        if ("bundle".equals(header.path("type").asText(null))) {
            validateBundleHeader(header).forEach(tally);
        }
        return new Summary(objects, tally.errors, tally.warnings);
    }

    /** Counts findings by severity on their way to the caller's sink. */
    private static final class Tally implements Consumer<Finding> {
        private final Consumer<Finding> sink;
        private long errors;
        private long warnings;

        Tally(Consumer<Finding> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(Finding f) {
            if (f.isError()) {
                errors++;
            } else {
                warnings++;
            }
            sink.accept(f);
        }
    }

    /** What a validation run found, in numbers. */
    public record Summary(long objects, long errors, long warnings) {
    }

    /** Findings for a bundle's own properties (type, id), its objects aside. */
    public List<Finding> validateBundleHeader(ObjectNode header) {
        List<Finding> findings = new ArrayList<>();
        new ObjectCheck(table, header, findings).runBundleHeader();
        return findings;
    }
}
