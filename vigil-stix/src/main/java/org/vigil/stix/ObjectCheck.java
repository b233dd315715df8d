package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates one top-level object: settles its type (STIX-defined or custom), checks its id, walks its
 * properties against the type's shape and applies the type's rules.
 */
final class ObjectCheck {

    /** STIX 2.1 type names begin with a letter and never hold two hyphens in a row (ids read type--uuid). */
    static final Pattern TYPE_NAME = Pattern.compile("(?=.{3,250}$)[a-z][a-z0-9]*(-[a-z0-9]+)*-?");
    /** STIX 2.1 property names begin with a letter. */
    static final String PROPERTY_NAME_RULE = "a custom property name must be 3 to 250 characters of lowercase "
            + "ASCII letters, digits and underscores, and begin with a letter";
    /** STIX reserves the _ref and _refs suffixes for identifiers, in custom properties too. */
    private static final Kind ANY_REF = Kind.parse("ref:any");
    private static final Kind ANY_REFS = Kind.parse("list:ref:any");

    private final TypeTable table;
    private final ObjectNode root;
    private final Findings findings;
    private final ValueCheck values;

    ObjectCheck(TypeTable table, ObjectNode root, List<Finding> out) {
        this.table = table;
        this.root = root;
        JsonNode id = root.get("id");
        this.findings = new Findings(out, id != null && id.isTextual() ? id.textValue() : null);
        this.values = new ValueCheck(table, findings);
    }

    void run() {
        String type = typeName();
        if (type == null) {
            return;
        }
        Shape shape = table.type(type);
        boolean custom = shape == null;
        if (custom) {
            shape = customShape(type);
        } else if ("bundle".equals(shape.category())) {
            findings.error("bundle-nested", "/type", "a bundle cannot appear as an object inside a bundle or on "
                    + "its own where an object is expected; send its objects instead");
            return;
        }
        checkId(type);
        values.checkShape(shape, root, "", type);
        checkUnknownProperties(shape, custom);
        new Selectors(findings, root).check();
        if ("sco".equals(shape.category()) && !custom) {
            new ScoId(findings, root).check(shape.idContributing());
        }
    }

    void runBundleHeader() {
        Shape shape = table.type("bundle");
        if (!"bundle".equals(root.path("type").asText())) {
            findings.error("bundle-type", "/type", "a bundle's type must be 'bundle', not '"
                    + root.path("type").asText("") + "'");
        }
        if (root.has("spec_version")) {
            findings.warn("bundle-spec-version", "/spec_version", "STIX 2.1 bundles have no spec_version "
                    + "(it was a STIX 2.0 property); each object carries its own");
        }
        checkId("bundle");
        values.checkShape(shape, root, "", "bundle");
    }

    private String typeName() {
        JsonNode type = root.get("type");
        if (type == null) {
            findings.error("required-missing", "/type", "the object has no type; every STIX object needs one, "
                    + "e.g. \"type\": \"indicator\"");
            return null;
        }
        if (!type.isTextual()) {
            findings.error("type-mismatch", "/type", "type must be a string naming the object type");
            return null;
        }
        String name = type.textValue();
        if (!TYPE_NAME.matcher(name).matches()) {
            findings.error("type-name", "/type", "type '" + name + "' must be 3 to 250 characters of lowercase "
                    + "ASCII letters, digits and hyphens, begin with a letter and have no two hyphens in a row");
        }
        return name;
    }

    private void checkId(String type) {
        JsonNode id = root.get("id");
        if (id == null || !id.isTextual()) {
            return; // reported as a missing or mistyped required property by the shape walk
        }
        String value = id.textValue();
        if (Identifier.problem(value) != null) {
            return; // reported as id-invalid by the shape walk, which checks every id-kind property
        }
        if (!type.equals(Identifier.typeOf(value))) {
            findings.error("id-type-mismatch", "/id", "id '" + value + "' starts with '" + Identifier.typeOf(value)
                    + "' but the object's type is '" + type + "'; the id must be " + type + "--<uuid>");
        }
    }

    /**
     * A custom object is checked against the common properties of the category its extension declares
     * (new-sdo, new-sco, new-sro), or, for the older style without an extension, the category its
     * properties suggest.
     */
    private Shape customShape(String type) {
        String category = declaredCategory();
        if (category == null) {
            category = root.has("created") || root.has("modified") ? "sdo" : "sco";
            findings.warn("custom-object", "/type", "type '" + type + "' is not defined by STIX 2.1 and no "
                    + "extension-definition declares it; STIX 2.1 defines new types with a new-" + category
                    + " extension. Only the common " + category.toUpperCase() + " properties were checked");
        }
        return table.common(category);
    }

    private String declaredCategory() {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("extensions").fields(); it.hasNext(); ) {
            String kind = it.next().getValue().path("extension_type").asText("");
            switch (kind) {
                case "new-sdo":
                    return "sdo";
                case "new-sco":
                    return "sco";
                case "new-sro":
                    return "sro";
                default:
                    break;
            }
        }
        return null;
    }

    private void checkUnknownProperties(Shape shape, boolean customType) {
        boolean declared = customType || hasToplevelExtension();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (shape.properties().containsKey(name)) {
                continue;
            }
            String pointer = Findings.child("", name);
            if (!isPropertyName(name)) {
                findings.error("custom-property-name", pointer, "property '" + name + "' is not defined for "
                        + shape.name() + ", and " + PROPERTY_NAME_RULE);
            } else if (!declared) {
                findings.warn("custom-property", pointer, "property '" + name + "' is not defined for "
                        + root.path("type").asText() + "; STIX 2.1 adds properties through a "
                        + "toplevel-property-extension, so declare it in an extension-definition");
            }
            customValue(name, e.getValue(), pointer);
        }
    }

    /**
     * Whether a custom property's name is 3 to 250 lowercase ASCII letters, digits and underscores, beginning with a
     * letter; by hand rather than a regular expression, since ATT&CK-like data asks it for nearly every object.
     */
    static boolean isPropertyName(String name) {
        int n = name.length();
        if (n < 3 || n > 250 || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The rules every property obeys, defined or not: no nulls, no empty lists, identifiers in *_ref(s). */
    private void customValue(String name, JsonNode value, String pointer) {
        if (value.isNull()) {
            findings.error("null-value", pointer, name + " is null; STIX forbids null values, so leave the "
                    + "property out instead");
        } else if (value.isArray() && value.isEmpty()) {
            findings.error("list-empty", pointer, name + " is an empty list; STIX forbids empty lists, so leave "
                    + "the property out instead");
        } else if (name.endsWith("_ref")) {
            values.check(ANY_REF, value, pointer, null);
        } else if (name.endsWith("_refs")) {
            values.check(ANY_REFS, value, pointer, null);
        }
    }

    private boolean hasToplevelExtension() {
        for (JsonNode ext : root.path("extensions")) {
            if ("toplevel-property-extension".equals(ext.path("extension_type").asText())) {
                return true;
            }
        }
        return false;
    }
}
