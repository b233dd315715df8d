package org.vigil.stix;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The kind of a property value, parsed from a type table's kind expression such as {@code list:ref:identity}
 * or {@code integer[0..100]}. The expression language is documented in {@code types/README.md}.
 */
final class Kind {

    enum Base {
        STRING, BOOLEAN, INTEGER, FLOAT, TIMESTAMP, TIMESTAMP_MS, BINARY, HEX, URL, TOKEN, ID, REF, LIST, DICT,
        HASHES, EXTENSIONS, OPEN_VOCAB, ENUM, OBJECT, FORMAT, ANY
    }

    final Base base;
    /** Element kind of a list or dictionary; null for a dictionary of any values. */
    final Kind element;
    /** Vocabulary, embedded-object or format name. */
    final String name;
    final BigDecimal min;
    final BigDecimal max;
    /** Allowed target types of a reference; may hold the categories sdo, sco, sro and any. */
    final Set<String> targets;

    private Kind(Base base, Kind element, String name, BigDecimal min, BigDecimal max, Set<String> targets) {
        this.base = base;
        this.element = element;
        this.name = name;
        this.min = min;
        this.max = max;
        this.targets = targets;
    }

    static Kind parse(String expression) {
        String e = expression.trim();
        if (e.startsWith("list:")) {
            return new Kind(Base.LIST, parse(e.substring(5)), null, null, null, null);
        }
        if (e.startsWith("dict:")) {
            return new Kind(Base.DICT, parse(e.substring(5)), null, null, null, null);
        }
        if (e.startsWith("ref:")) {
            return new Kind(Base.REF, null, null, null, null, Set.of(e.substring(4).split("\\|")));
        }
        if (e.startsWith("ov:")) {
            return new Kind(Base.OPEN_VOCAB, null, e.substring(3), null, null, null);
        }
        if (e.startsWith("enum:")) {
            return new Kind(Base.ENUM, null, e.substring(5), null, null, null);
        }
        if (e.startsWith("format:")) {
            Formats.of(e.substring(7));
            return new Kind(Base.FORMAT, null, e.substring(7), null, null, null);
        }
        if (e.startsWith("obj:")) {
            return new Kind(Base.OBJECT, null, e.substring(4), null, null, null);
        }
        if (e.startsWith("integer") || e.startsWith("float")) {
            return ranged(e);
        }
        Base base = switch (e) {
            case "string" -> Base.STRING;
            case "boolean" -> Base.BOOLEAN;
            case "timestamp" -> Base.TIMESTAMP;
            case "timestamp-ms" -> Base.TIMESTAMP_MS;
            case "binary" -> Base.BINARY;
            case "hex" -> Base.HEX;
            case "url" -> Base.URL;
            case "token" -> Base.TOKEN;
            case "id" -> Base.ID;
            case "dict" -> Base.DICT;
            case "hashes" -> Base.HASHES;
            case "extensions" -> Base.EXTENSIONS;
            case "any" -> Base.ANY;
            default -> throw new IllegalArgumentException("unknown kind expression '" + expression + "'");
        };
        return new Kind(base, null, null, null, null, null);
    }

    private static Kind ranged(String e) {
        Base base = e.startsWith("integer") ? Base.INTEGER : Base.FLOAT;
        String rest = e.substring(base == Base.INTEGER ? 7 : 5);
        if (rest.isEmpty()) {
            return new Kind(base, null, null, null, null, null);
        }
        if (!rest.startsWith("[") || !rest.endsWith("]") || !rest.contains("..")) {
            throw new IllegalArgumentException("bad range in kind expression '" + e + "'; write integer[min..max]");
        }
        String[] bounds = rest.substring(1, rest.length() - 1).split("\\.\\.", -1);
        return new Kind(base, null, null, bound(bounds[0]), bound(bounds[1]), null);
    }

    private static BigDecimal bound(String s) {
        return s.isBlank() ? null : new BigDecimal(s.trim());
    }

    /** The expression's name as a person would read it in a message: "a list of identifiers", say. */
    String describe() {
        return switch (base) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case INTEGER -> "an integer" + rangeText();
            case FLOAT -> "a number" + rangeText();
            case TIMESTAMP, TIMESTAMP_MS -> "a timestamp";
            case BINARY -> "base64-encoded binary";
            case HEX -> "a hex string";
            case URL -> "a URL";
            case TOKEN -> "a lowercase token";
            case ID, REF -> "an identifier";
            case LIST -> "a list of " + plural(element.describe());
            case DICT, HASHES, EXTENSIONS, OBJECT -> "a JSON object";
            case OPEN_VOCAB, ENUM -> "a string from " + name;
            case FORMAT -> Formats.of(name).description();
            case ANY -> "any value";
        };
    }

    private String rangeText() {
        if (min == null && max == null) {
            return "";
        }
        if (max == null) {
            return " of at least " + min.toPlainString();
        }
        if (min == null) {
            return " of at most " + max.toPlainString();
        }
        return " from " + min.toPlainString() + " to " + max.toPlainString();
    }

    /** "a string" becomes "strings", "an integer from 0 to 100" becomes "integers from 0 to 100". */
    private static String plural(String singular) {
        if (!singular.startsWith("a ") && !singular.startsWith("an ")) {
            return singular;
        }
        String noun = singular.substring(singular.indexOf(' ') + 1);
        int end = noun.length();
        for (String tail : new String[] {" from ", " of "}) {
            int at = noun.indexOf(tail);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return noun.substring(0, end) + "s" + noun.substring(end);
    }
}
