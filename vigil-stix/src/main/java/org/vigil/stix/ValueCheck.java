package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks property values against their kinds, and objects (top-level or embedded) against their shapes. */
final class ValueCheck {

    private static final Kind EXTENSION_TYPE = Kind.parse("enum:extension-type-enum");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9-]{3,250}");

    private final TypeTable table;
    private final Findings findings;
    private final RuleCheck rules;

    ValueCheck(TypeTable table, Findings findings) {
        this.table = table;
        this.findings = findings;
        this.rules = new RuleCheck(table, findings);
    }

    /** Required and recommended properties, each present property's value, then the shape's rules. */
    void checkShape(Shape shape, ObjectNode node, String pointer, String ownerType) {
        for (Shape.Property p : shape.properties().values()) {
            JsonNode value = node.get(p.name());
            if (value == null) {
                if (p.required()) {
                    findings.error("required-missing", Findings.child(pointer, p.name()), p.name()
                            + " is required on " + describe(shape) + " but missing; add it");
                }
            } else if (value.isNull()) {
                findings.error("null-value", Findings.child(pointer, p.name()), p.name() + " is null; STIX "
                        + "forbids null values, so leave the property out instead");
            } else {
                check(p.kind(), value, Findings.child(pointer, p.name()), ownerType);
            }
        }
        for (String name : shape.recommended()) {
            if (!node.has(name)) {
                findings.warn("recommended-missing", Findings.child(pointer, name), name + " should be present on "
                        + describe(shape) + " (the specification recommends it)");
            }
        }
        rules.apply(shape, node, pointer);
    }

    private static String describe(Shape shape) {
        return shape.category() == null ? shape.name() : "a " + shape.name();
    }

    void check(Kind kind, JsonNode value, String pointer, String ownerType) {
        switch (kind.base) {
            case STRING -> expect(value.isTextual(), kind, value, pointer);
            case BOOLEAN -> expect(value.isBoolean(), kind, value, pointer);
            case INTEGER -> number(kind, value, pointer, value.isIntegralNumber());
            case FLOAT -> number(kind, value, pointer, value.isNumber());
            case TIMESTAMP, TIMESTAMP_MS -> timestamp(kind, value, pointer);
            case BINARY -> binary(kind, value, pointer);
            case HEX -> hex(kind, value, pointer);
            case URL -> url(kind, value, pointer);
            case TOKEN -> token(kind, value, pointer);
            case ID -> id(kind, value, pointer);
            case REF -> ref(kind, value, pointer);
            case LIST -> list(kind, value, pointer, ownerType);
            case DICT -> dict(kind, value, pointer, ownerType);
            case HASHES -> {
                if (expect(value.isObject(), kind, value, pointer)) {
                    new Hashes(table, findings).check((ObjectNode) value, pointer);
                }
            }
            case EXTENSIONS -> extensions(kind, value, pointer, ownerType);
            case OPEN_VOCAB, ENUM -> vocabulary(kind, value, pointer);
            case OBJECT -> embedded(kind, value, pointer, ownerType);
            case FORMAT -> format(kind, value, pointer);
            case ANY -> {
            }
        }
    }

    private boolean expect(boolean ok, Kind kind, JsonNode value, String pointer) {
        if (!ok) {
            findings.error("type-mismatch", pointer, Findings.leaf(pointer) + " must be " + kind.describe()
                    + ", but it is " + jsonKind(value));
        }
        return ok;
    }

    static String jsonKind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT, POJO -> "a JSON object";
            case STRING -> "the string \"" + abbreviate(value.textValue()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            default -> value.getNodeType().toString().toLowerCase();
        };
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private void number(Kind kind, JsonNode value, String pointer, boolean rightType) {
        if (!expect(rightType, kind, value, pointer)) {
            return;
        }
        BigDecimal n = value.decimalValue();
        if ((kind.min != null && n.compareTo(kind.min) < 0) || (kind.max != null && n.compareTo(kind.max) > 0)) {
            findings.error("out-of-range", pointer, Findings.leaf(pointer) + " is " + abbreviate(n.toString())
                    + ", but it must be " + kind.describe().replaceFirst("^an? \\w+ ", ""));
        }
    }

    private void timestamp(Kind kind, JsonNode value, String pointer) {
        if (!expect(value.isTextual(), kind, value, pointer)) {
            return;
        }
        String problem = Timestamp.problem(value.textValue());
        if (problem != null) {
            findings.error("timestamp-invalid", pointer, Findings.leaf(pointer) + ": " + problem);
        } else if (kind.base == Kind.Base.TIMESTAMP_MS && Timestamp.precision(value.textValue()) < 3) {
            findings.error("timestamp-precision", pointer, Findings.leaf(pointer) + " '" + value.textValue()
                    + "' must be precise to at least the millisecond, e.g. " + withMillis(value.textValue()));
        }
    }

    private static String withMillis(String ts) {
        String base = ts.substring(0, 19);
        String frac = ts.length() > 20 ? ts.substring(20, ts.length() - 1) : "";
        return base + "." + (frac + "000").substring(0, 3) + "Z";
    }

    private void binary(Kind kind, JsonNode value, String pointer) {
        if (!expect(value.isTextual(), kind, value, pointer)) {
            return;
        }
        try {
            Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            findings.error("binary-invalid", pointer, Findings.leaf(pointer) + " must be base64 (RFC 4648), "
                    + "but " + e.getMessage());
        }
    }

    private void hex(Kind kind, JsonNode value, String pointer) {
        if (expect(value.isTextual(), kind, value, pointer) && !isLowercaseHex(value.textValue())) {
            findings.error("hex-invalid", pointer, Findings.leaf(pointer) + " must be an even number of "
                    + "hexadecimal digits written 0-9 and lowercase a-f, but it is \""
                    + abbreviate(value.textValue()) + "\"");
        }
    }

    /** The STIX hex type: an even number of digits, letters in lowercase only. */
    static boolean isLowercaseHex(String s) {
        return isHex(s) && s.chars().noneMatch(c -> c >= 'A' && c <= 'F');
    }

    /** Hexadecimal of either case, as hash values are written. */
    static boolean isHex(String s) {
        if (s.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void url(Kind kind, JsonNode value, String pointer) {
        if (!expect(value.isTextual(), kind, value, pointer)) {
            return;
        }
        try {
            if (!new URI(value.textValue()).isAbsolute()) {
                findings.error("url-invalid", pointer, Findings.leaf(pointer) + " must be an absolute URL with a "
                        + "scheme such as https:, but it is \"" + abbreviate(value.textValue()) + "\"");
            }
        } catch (URISyntaxException e) {
            findings.error("url-invalid", pointer, Findings.leaf(pointer) + " is not a valid URL: "
                    + e.getReason() + " at index " + e.getIndex());
        }
    }

    private void format(Kind kind, JsonNode value, String pointer) {
        if (expect(value.isTextual(), kind, value, pointer) && !Formats.of(kind.name).test().test(value.textValue())) {
            findings.error("format-invalid", pointer, Findings.leaf(pointer) + " '" + abbreviate(value.textValue())
                    + "' must be " + kind.describe());
        }
    }

    private void token(Kind kind, JsonNode value, String pointer) {
        if (expect(value.isTextual(), kind, value, pointer)
                && !TOKEN.matcher(value.textValue()).matches()) {
            findings.error("token-invalid", pointer, Findings.leaf(pointer) + " '" + abbreviate(value.textValue())
                    + "' must be 3 to 250 characters of lowercase ASCII letters, digits and hyphens");
        }
    }

    private boolean id(Kind kind, JsonNode value, String pointer) {
        if (!expect(value.isTextual(), kind, value, pointer)) {
            return false;
        }
        String problem = Identifier.problem(value.textValue());
        if (problem != null) {
            findings.error("id-invalid", pointer, Findings.leaf(pointer) + ": " + problem);
            return false;
        }
        return true;
    }

    private void ref(Kind kind, JsonNode value, String pointer) {
        if (!id(kind, value, pointer)) {
            return;
        }
        String target = Identifier.typeOf(value.textValue());
        if (!accepts(kind.targets, target)) {
            findings.error("ref-type", pointer, Findings.leaf(pointer) + " points at " + article(target) + " "
                    + target + " (" + value.textValue() + "), but it must reference "
                    + String.join(" or ", kind.targets));
        }
    }

    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private boolean accepts(Set<String> targets, String type) {
        if (targets.contains(type) || targets.contains("any")) {
            return true;
        }
        String category = table.categoryOf(type);
        if (category == null) {
            // A custom type may be of any category; only its own extension-definition could say which.
            return targets.contains("sdo") || targets.contains("sco") || targets.contains("sro");
        }
        return targets.contains(category);
    }

    private void list(Kind kind, JsonNode value, String pointer, String ownerType) {
        if (!expect(value.isArray(), kind, value, pointer)) {
            return;
        }
        if (value.isEmpty()) {
            findings.error("list-empty", pointer, Findings.leaf(pointer) + " is an empty list; STIX forbids "
                    + "empty lists, so leave the property out instead");
        }
        int i = 0;
        for (JsonNode item : value) {
            check(kind.element, item, pointer + "/" + i++, ownerType);
        }
    }

    private void dict(Kind kind, JsonNode value, String pointer, String ownerType) {
        if (!expect(value.isObject(), kind, value, pointer)) {
            return;
        }
        if (value.isEmpty()) {
            findings.error("dictionary-empty", pointer, Findings.leaf(pointer) + " is an empty dictionary; "
                    + "a dictionary must have at least one key, so leave the property out instead");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = Findings.child(pointer, e.getKey());
            dictionaryKey(e.getKey(), child);
            if (kind.element != null) {
                check(kind.element, e.getValue(), child, ownerType);
            }
        }
    }

    void dictionaryKey(String key, String pointer) {
        if (key.isEmpty() || key.length() > 250) {
            findings.error("dictionary-key", pointer, "dictionary key '" + abbreviate(key) + "' must be 1 to "
                    + "250 characters long");
        } else if (!isPlainKey(key)) {
            findings.warn("dictionary-key", pointer, "dictionary key '" + abbreviate(key) + "' should use only "
                    + "ASCII letters, digits, hyphens and underscores");
        }
    }

    private static boolean isPlainKey(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private void vocabulary(Kind kind, JsonNode value, String pointer) {
        if (!expect(value.isTextual(), kind, value, pointer)) {
            return;
        }
        Set<String> allowed = table.vocabulary(kind.name);
        if (allowed.contains(value.textValue())) {
            return;
        }
        if (kind.base == Kind.Base.ENUM) {
            findings.error("vocabulary-closed", pointer, Findings.leaf(pointer) + " '"
                    + abbreviate(value.textValue()) + "' is not in " + kind.name + "; use one of " + allowed);
        } else {
            findings.warn("vocabulary-open", pointer, Findings.leaf(pointer) + " '" + abbreviate(value.textValue())
                    + "' is not in " + kind.name + "; values from the vocabulary should be used where they fit");
        }
    }

    private void embedded(Kind kind, JsonNode value, String pointer, String ownerType) {
        if (expect(value.isObject(), kind, value, pointer)) {
            Shape shape = table.object(kind.name);
            checkShape(shape, (ObjectNode) value, pointer, ownerType);
            nestedUnknownProperties(shape, (ObjectNode) value, pointer);
        }
    }

    private void nestedUnknownProperties(Shape shape, ObjectNode node, String pointer) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (shape.properties().containsKey(name)) {
                continue;
            }
            if (!ObjectCheck.isPropertyName(name)) {
                findings.error("custom-property-name", Findings.child(pointer, name), "property '" + name
                        + "' is not defined for " + shape.name() + ", and " + ObjectCheck.PROPERTY_NAME_RULE);
            } else {
                findings.warn("custom-property", Findings.child(pointer, name), "property '" + name
                        + "' is not defined for " + shape.name());
            }
        }
    }

    private void extensions(Kind kind, JsonNode value, String pointer, String ownerType) {
        if (!expect(value.isObject(), kind, value, pointer)) {
            return;
        }
        if (value.isEmpty()) {
            findings.error("dictionary-empty", pointer, "extensions is an empty dictionary; leave it out instead");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            extension(e.getKey(), e.getValue(), Findings.child(pointer, e.getKey()), ownerType);
        }
    }

    private void extension(String name, JsonNode value, String pointer, String ownerType) {
        if (!value.isObject()) {
            findings.error("type-mismatch", pointer, "extension " + name + " must be a JSON object, but it is "
                    + jsonKind(value));
            return;
        }
        if (value.isEmpty() && table.extension(name) == null) { // a predefined one says what it lacks
            findings.error("dictionary-empty", pointer, "extension " + name + " is an empty dictionary; STIX "
                    + "forbids empty dictionaries, so give its properties (at least its extension_type) or leave it out");
            return;
        }
        if (name.startsWith("extension-definition--")) {
            definedExtension(name, (ObjectNode) value, pointer);
            return;
        }
        Shape shape = table.extension(name);
        if (shape == null) {
            findings.warn("custom-extension", pointer, "extension '" + name + "' is not predefined by STIX 2.1; "
                    + "name custom extensions by the id of their extension-definition");
        } else if (!shape.on().contains(ownerType)) {
            findings.error("extension-misplaced", pointer, "extension " + name + " belongs on "
                    + String.join(" or ", shape.on()) + ", not on " + ownerType);
        } else {
            checkShape(shape, (ObjectNode) value, pointer, ownerType);
            nestedUnknownProperties(shape, (ObjectNode) value, pointer);
        }
    }

    private void definedExtension(String name, ObjectNode value, String pointer) {
        String problem = Identifier.problem(name);
        if (problem != null) {
            findings.error("id-invalid", pointer, "extension key: " + problem);
        }
        JsonNode type = value.get("extension_type");
        if (type == null) {
            findings.warn("extension-type-missing", Findings.child(pointer, "extension_type"), "the extension "
                    + "should say its extension_type (new-sdo, new-sco, new-sro, property-extension or "
                    + "toplevel-property-extension) so that readers know how to treat it");
        } else {
            vocabulary(EXTENSION_TYPE, type, Findings.child(pointer, "extension_type"));
        }
    }
}
