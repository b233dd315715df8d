package org.vigil.stix.pattern;

import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.vigil.stix.pattern.StixPatternParser.IndexStepContext;
import org.vigil.stix.pattern.StixPatternParser.ObjectPathContext;
import org.vigil.stix.pattern.StixPatternParser.PathComponentContext;
import org.vigil.stix.pattern.StixPatternParser.PathStepContext;
import org.vigil.stix.pattern.StixPatternParser.PropertyStepContext;

/**
 * Checks object paths such as file:extensions.'windows-pebinary-ext'.sections[*].entropy.
 */
final class ObjectPaths {

    private static final java.util.regex.Pattern TYPE_NAME = java.util.regex.Pattern.compile("[a-z0-9-]{3,250}");
    private static final java.util.regex.Pattern PROPERTY_NAME = java.util.regex.Pattern.compile("[a-z0-9_]{3,250}");
    private static final java.util.regex.Pattern DICTIONARY_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,250}");

    /** Properties defined by STIX 2.1 that are shorter than the 3 characters custom names need. */
    private static final Set<String> SHORT_SPEC_PROPERTIES = Set.of("id");

    /**
     * STIX 2.1 dictionary properties of cyber-observables: the component after one of these is
     * a key, not a property name, so it may be uppercase (file:hashes.MD5).
     */
    private static final Set<String> DICTIONARIES = Set.of(
            "hashes", "extensions", "additional_header_fields", "ipfix", "request_header",
            "options", "document_info_dict", "exif_tags", "environment_variables");

    /** Keys longer than this are not valid STIX dictionary keys. */
    private static final int MAX_KEY_LENGTH = 250;

    private ObjectPaths() {
    }

    /** An object path's object type and the property it starts with (null when that is a quoted key). */
    record Start(String type, String property) {
    }

    /** Reports problems in the path and returns what it names first. */
    static Start check(ObjectPathContext path, Problems problems) {
        Token type = path.Identifier().getSymbol();
        checkTypeName(type, problems);
        String first = checkComponent(path, path.pathComponent(), null, problems);
        String previous = first;
        for (PathStepContext step : path.pathStep()) {
            if (step instanceof PropertyStepContext property) {
                previous = checkComponent(path, property.pathComponent(), previous, problems);
            } else if (step instanceof IndexStepContext index) {
                checkIndex(index, problems);
            }
        }
        return new Start(type.getText(), first);
    }

    private static void checkTypeName(Token type, Problems problems) {
        String name = type.getText();
        if (TYPE_NAME.matcher(name).matches()) {
            return;
        }
        if (name.length() < 3 || name.length() > 250) {
            problems.report(type, "object type '" + Excerpts.of(name) + "' is " + Excerpts.length(name) + " long",
                    "STIX object type names have 3 to 250 characters");
        } else {
            problems.report(type, "object type '" + Excerpts.of(name) + "' may only contain a-z, 0-9 and '-'",
                    "write it in lowercase with hyphens, e.g. " + suggestedTypeName(name));
        }
    }

    private static String suggestedTypeName(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Checks one property or key component and returns its name, or null for a quoted key. */
    private static String checkComponent(ObjectPathContext path, PathComponentContext component,
            String previous, Problems problems) {
        if (component.StringLiteral() != null) {
            checkQuotedKey(component.StringLiteral().getSymbol(), problems);
            return null;
        }
        Token name = component.Identifier().getSymbol();
        if (previous != null && DICTIONARIES.contains(previous)) {
            checkUnquotedKey(path, previous, name, problems);
        } else {
            checkPropertyName(name, problems);
        }
        return name.getText();
    }

    private static void checkQuotedKey(Token key, Problems problems) {
        String value = Literals.stringValue(key);
        if (value.isEmpty() || value.length() > MAX_KEY_LENGTH) {
            problems.report(key, "quoted key " + Excerpts.of(key.getText()) + " is " + Excerpts.length(value) + " long",
                    "dictionary and extension keys have 1 to 250 characters");
        }
    }

    private static void checkUnquotedKey(ObjectPathContext path, String dictionary, Token key, Problems problems) {
        String name = key.getText();
        if (DICTIONARY_KEY.matcher(name).matches()) {
            return;
        }
        String pathText = "'" + Excerpts.of(path.getText()) + "'";
        String quotedStep = dictionary + ".'" + Excerpts.of(name) + "'";
        if (!name.contains("-")) {
            problems.report(key, "key '" + Excerpts.of(name) + "' in object path " + pathText + " is too long",
                    "dictionary keys have at most 250 characters");
        } else if (dictionary.equals("hashes")) {
            problems.report(key, "object path " + pathText + " must quote hash names containing '-'",
                    "write " + quotedStep + ", e.g. file:hashes.'SHA-256'");
        } else {
            problems.report(key, "object path " + pathText + " must quote keys containing '-'",
                    "write " + quotedStep + ", e.g. file:extensions.'windows-pebinary-ext'");
        }
    }

    private static void checkPropertyName(Token property, Problems problems) {
        String name = property.getText();
        if (PROPERTY_NAME.matcher(name).matches() || SHORT_SPEC_PROPERTIES.contains(name)) {
            return;
        }
        String quoted = "'" + Excerpts.of(name) + "'";
        if (name.contains("-")) {
            problems.report(property, "property name " + quoted + " contains '-'",
                    "if it is an extension or dictionary key, quote it: " + quoted
                            + ", e.g. file:extensions.'windows-pebinary-ext'");
        } else if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            problems.report(property, "property name " + quoted + " must be lowercase",
                    "write " + name.toLowerCase(Locale.ROOT) + ", or quote it if it is a dictionary key: "
                            + quoted);
        } else {
            problems.report(property, "property name " + quoted + " is " + Excerpts.length(name) + " long",
                    "STIX property names use a-z, 0-9 and '_' and have 3 to 250 characters; quote dictionary keys");
        }
    }

    private static void checkIndex(IndexStepContext index, Problems problems) {
        if (index.IntLiteral() == null) {
            return;
        }
        Token number = index.IntLiteral().getSymbol();
        String text = number.getText();
        boolean plain = Character.isDigit(text.charAt(0)) && (text.length() == 1 || text.charAt(0) != '0');
        if (!plain) {
            problems.report(number, "list index " + Excerpts.of(text) + " is not a plain non-negative integer",
                    "write an index such as [0] or [*] for any element");
        }
    }
}
