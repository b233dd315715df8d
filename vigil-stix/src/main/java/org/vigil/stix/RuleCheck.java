package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
