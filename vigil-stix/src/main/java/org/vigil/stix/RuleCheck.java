package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Applies a shape's object-level rules (see {@code types/README.md}) to one object or embedded object. */
final class RuleCheck {

    private static final Pattern LOWERCASE_HYPHEN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CAPEC_ID = Pattern.compile("CAPEC-\\d+");
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    private final TypeTable table;
    private final Findings findings;

    RuleCheck(TypeTable table, Findings findings) {
        this.table = table;
        this.findings = findings;
    }

    void apply(Shape shape, ObjectNode node, String pointer) {
        for (Rule rule : shape.rules()) {
            apply(rule, node, pointer);
        }
    }

    private void apply(Rule rule, ObjectNode node, String pointer) {
        List<String> args = rule.args();
        switch (rule.name()) {
            case "at-least-one" -> atLeastOne(args, node, pointer);
            case "exactly-one" -> exactlyOne(args, node, pointer);
            case "not-both" -> notBoth(args, node, pointer);
            case "together" -> together(args, node, pointer);
            case "requires" -> requires(args, node, pointer);
            case "requires-if-true" -> requiresIfTrue(args, node, pointer);
            case "order" -> order(rule, node, pointer);
            case "number-order" -> numberOrder(rule, node, pointer);
            case "reserved" -> reserved(args, node, pointer);
            case "deprecated" -> deprecated(args, node, pointer);
            case "lowercase-hyphen" -> lowercaseHyphen(args, node, pointer);
            case "stix-pattern" -> new PatternRule(findings, table).check(node, args.get(0), pointer);
            case "marking-definition" -> new MarkingRule(table, findings).check(node);
            case "external-reference" -> externalReference(node, pointer);
            case "forbids-if-true" -> forbidsIf(true, args, node, pointer);
            case "forbids-if-false" -> forbidsIf(false, args, node, pointer);
            case "refers-to-one" -> refersToOne(args, node, pointer);
            case "not-self" -> notSelf(args, node, pointer);
            case "key-format" -> keyFormat(args, node, pointer);
            case "requires-value" -> requiresValue(args, node, pointer);
            default -> throw new IllegalStateException("rule " + rule.name() + " has no implementation");
        }
    }

    private int present(List<String> names, ObjectNode node) {
        int n = 0;
        for (String name : names) {
            if (node.has(name)) {
                n++;
            }
        }
        return n;
    }

    private void atLeastOne(List<String> names, ObjectNode node, String pointer) {
        if (present(names, node) == 0) {
            findings.error("at-least-one", pointer.isEmpty() ? "" : pointer, "at least one of "
                    + String.join(", ", names) + " must be present" + where(pointer));
        }
    }

    private void exactlyOne(List<String> names, ObjectNode node, String pointer) {
        int n = present(names, node);
        if (n != 1) {
            findings.error("exactly-one", pointer, "exactly one of " + String.join(", ", names)
                    + " must be present" + where(pointer) + ", but " + (n == 0 ? "none is" : n + " are"));
        }
    }

    private void notBoth(List<String> names, ObjectNode node, String pointer) {
        if (present(names, node) > 1) {
            findings.error("mutually-exclusive", pointer, String.join(" and ", names)
                    + " must not both be present" + where(pointer) + "; keep one");
        }
    }

    private void together(List<String> names, ObjectNode node, String pointer) {
        int n = present(names, node);
        if (n != 0 && n != names.size()) {
            findings.error("together", pointer, String.join(" and ", names) + " go together" + where(pointer)
                    + ": give all of them or none");
        }
    }

    private void requires(List<String> args, ObjectNode node, String pointer) {
        if (!node.has(args.get(0))) {
            return;
        }
        for (String needed : args.subList(1, args.size())) {
            if (!node.has(needed)) {
                findings.error("requires", Findings.child(pointer, needed), needed + " is required when "
                        + args.get(0) + " is present" + where(pointer));
            }
        }
    }

    private void requiresIfTrue(List<String> args, ObjectNode node, String pointer) {
        if (!node.path(args.get(0)).asBoolean(false)) {
            return;
        }
        for (String needed : args.subList(1, args.size())) {
            if (!node.has(needed)) {
                findings.error("requires", Findings.child(pointer, needed), needed + " is required when "
                        + args.get(0) + " is true" + where(pointer));
            }
        }
    }

    /** When boolean a is (true|false), the others must be absent. */
    private void forbidsIf(boolean when, List<String> args, ObjectNode node, String pointer) {
        JsonNode flag = node.get(args.get(0));
        if (flag == null || !flag.isBoolean() || flag.booleanValue() != when) {
            return;
        }
        for (String banned : args.subList(1, args.size())) {
            if (node.has(banned)) {
                findings.error("forbidden", Findings.child(pointer, banned), banned + " must not be present when "
                        + args.get(0) + " is " + when + where(pointer) + "; remove it or correct " + args.get(0));
            }
        }
    }

    /** A list of references must hold at least one to an object of the given types or categories. */
    private void refersToOne(List<String> args, ObjectNode node, String pointer) {
        JsonNode refs = node.get(args.get(0));
        if (refs == null || !refs.isArray() || refs.isEmpty()) {
            return;
        }
        List<String> wanted = args.subList(1, args.size());
        for (JsonNode ref : refs) {
            String type = ref.isTextual() ? Identifier.typeOf(ref.textValue()) : null;
            if (type != null && (wanted.contains(type) || wanted.contains(table.categoryOf(type)))) {
                return;
            }
        }
        findings.error("refers-to-one", Findings.child(pointer, args.get(0)), args.get(0) + " must reference at "
                + "least one " + String.join(" or ", wanted).toUpperCase() + where(pointer) + ", but none of its "
                + refs.size() + " identifiers does");
    }

    /** An object must not list its own id in these lists of references, nor in a granular marking's marking_ref. */
    private void notSelf(List<String> args, ObjectNode node, String pointer) {
        String id = node.path("id").asText(null);
        if (id == null) {
            return;
        }
        for (String name : args) {
            JsonNode refs = node.get(name);
            if (refs == null || !refs.isArray()) {
                continue;
            }
            for (int i = 0; i < refs.size(); i++) {
                if (id.equals(refs.get(i).asText())) {
                    findings.error("self-reference", Findings.child(pointer, name) + "/" + i, name
                            + " must not reference the object itself (" + id + "); a circular reference cannot be "
                            + "resolved");
                }
            }
        }
        JsonNode granular = node.get("granular_markings");
        if (granular == null || !granular.isArray()) {
            return;
        }
        for (int i = 0; i < granular.size(); i++) {
            if (id.equals(granular.get(i).path("marking_ref").asText())) {
                findings.error("self-reference", "/granular_markings/" + i + "/marking_ref", "a granular marking "
                        + "must not reference the marking-definition that carries it (" + id + ")");
            }
        }
    }

    /** Property a may be used only when b (a string or a list of strings) holds the value v. */
    private void requiresValue(List<String> args, ObjectNode node, String pointer) {
        String used = args.get(0);
        String holder = args.get(1);
        String value = args.get(2);
        if (!node.has(used)) {
            return;
        }
        JsonNode b = node.path(holder);
        boolean holds = b.isArray() ? contains(b, value) : value.equals(b.asText());
        if (!holds) {
            findings.error("requires-value", Findings.child(pointer, used), used + " may only be used when "
                    + holder + " includes " + value + where(pointer) + "; add it there or leave " + used + " out");
        }
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The keys of a dictionary must each be of a format (the language tags of language-content's contents). */
    private void keyFormat(List<String> args, ObjectNode node, String pointer) {
        JsonNode dict = node.get(args.get(0));
        if (dict == null || !dict.isObject()) {
            return;
        }
        Formats.Format format = Formats.of(args.get(1));
        for (Iterator<String> it = dict.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!format.test().test(key)) {
                findings.error("format-invalid", Findings.child(Findings.child(pointer, args.get(0)), key), "key '"
                        + ValueCheck.abbreviate(key) + "' of " + args.get(0) + " must be " + format.description());
            }
        }
    }

    private void order(Rule rule, ObjectNode node, String pointer) {
        String a = textIfValid(node, rule.args().get(0));
        String b = textIfValid(node, rule.args().get(1));
        if (a == null || b == null) {
            return;
        }
        int cmp = Timestamp.compare(a, b);
        boolean strict = rule.operator().equals("<");
        if (cmp > 0 || (strict && cmp == 0)) {
            String later = rule.args().get(1);
            findings.error("timestamp-order", Findings.child(pointer, later), later + " (" + b + ") is "
                    + (cmp == 0 ? "equal to " : "earlier than ") + rule.args().get(0) + " (" + a + "); "
                    + orderAdvice(rule));
        }
    }

    private static String orderAdvice(Rule rule) {
        String a = rule.args().get(0);
        String b = rule.args().get(1);
        if (a.equals("created") && b.equals("modified")) {
            return "a new version must not predate the object";
        }
        return b + " must be " + (rule.operator().equals("<") ? "later than " : "the same as or later than ") + a;
    }

    private String textIfValid(ObjectNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() && Timestamp.problem(v.textValue()) == null ? v.textValue() : null;
    }

    private void numberOrder(Rule rule, ObjectNode node, String pointer) {
        JsonNode a = node.get(rule.args().get(0));
        JsonNode b = node.get(rule.args().get(1));
        if (a == null || b == null || !a.isNumber() || !b.isNumber()) {
            return;
        }
        int cmp = a.decimalValue().compareTo(b.decimalValue());
        if (cmp > 0 || (cmp == 0 && rule.operator().equals("<"))) {
            findings.error("number-order", Findings.child(pointer, rule.args().get(1)), rule.args().get(1)
                    + " (" + b.asText() + ") must be " + (rule.operator().equals("<") ? "greater than " : "at least ")
                    + rule.args().get(0) + " (" + a.asText() + ")");
        }
    }

    private void reserved(List<String> names, ObjectNode node, String pointer) {
        for (String name : names) {
            if (node.has(name)) {
                findings.error("reserved-property", Findings.child(pointer, name), name + " is reserved by STIX 2.1 "
                        + "and must not be used" + where(pointer));
            }
        }
    }

    private void deprecated(List<String> names, ObjectNode node, String pointer) {
        for (String name : names) {
            if (node.has(name)) {
                findings.warn("deprecated-property", Findings.child(pointer, name), name + " is deprecated in "
                        + "STIX 2.1 and may be removed in a later version");
            }
        }
    }

    private void lowercaseHyphen(List<String> names, ObjectNode node, String pointer) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isTextual() && !LOWERCASE_HYPHEN.matcher(v.textValue()).matches()) {
                findings.warn("lowercase-hyphen", Findings.child(pointer, name), name + " '"
                        + ValueCheck.abbreviate(v.textValue()) + "' should be lowercase words joined by hyphens");
            }
        }
    }

    private void externalReference(ObjectNode ref, String pointer) {
        String source = ref.path("source_name").asText("");
        String externalId = ref.path("external_id").asText(null);
        Pattern form = switch (source) {
            case "capec" -> CAPEC_ID;
            case "cve" -> CVE_ID;
            default -> null;
        };
        if (form == null) {
            return;
        }
        if (externalId == null) {
            findings.error("external-reference", Findings.child(pointer, "external_id"), "a reference to "
                    + source + " must give the entry's external_id");
        } else if (!form.matcher(externalId).matches()) {
            findings.error("external-reference", Findings.child(pointer, "external_id"), "external_id '"
                    + ValueCheck.abbreviate(externalId) + "' is not a " + source + " id; write it as "
                    + (source.equals("capec") ? "CAPEC-<number>" : "CVE-<year>-<number>"));
        }
    }

    private static String where(String pointer) {
        return pointer.isEmpty() ? "" : " in " + pointer;
    }
}
