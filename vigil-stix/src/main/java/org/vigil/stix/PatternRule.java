package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.vigil.stix.pattern.Pattern;
import org.vigil.stix.pattern.PatternCheck;
import org.vigil.stix.pattern.PatternProblem;
import org.vigil.stix.pattern.Spelling;

/**
 * An indicator whose pattern_type is stix must carry a pattern that parses and makes sense, and should speak of
 * Cyber-observable types and properties STIX defines: a misspelt one matches nothing, silently.
 */
final class PatternRule {

    private final Findings findings;
    private final TypeTable table;

    PatternRule(Findings findings, TypeTable table) {
        this.findings = findings;
        this.table = table;
    }

    void check(ObjectNode node, String property, String pointer) {
        JsonNode pattern = node.get(property);
        if (pattern == null || !pattern.isTextual() || !"stix".equals(node.path("pattern_type").asText())) {
            return;
        }
        PatternCheck check = Pattern.check(pattern.textValue());
        String at = Findings.child(pointer, property);
        for (PatternProblem p : check.problems()) {
            findings.error("pattern-invalid", at, "the STIX pattern is invalid: " + p.message());
        }
        check.properties().forEach((type, properties) -> checkNames(type, properties, at));
    }

    private void checkNames(String type, Set<String> properties, String at) {
        Shape shape = table.type(type);
        if (shape == null) {
            findings.warn("pattern-unknown-type", at, "the pattern names object type '" + type + "', which STIX 2.1 "
                    + "does not define" + hint(type, table.typesOf("sco"))
                    + "; a custom Cyber-observable type should be published in a new-sco extension-definition");
            return;
        }
        if (!shape.category().equals("sco")) {
            findings.warn("pattern-not-observable", at, "the pattern names object type '" + type + "', which is not "
                    + "a Cyber-observable type; patterns describe observables such as file, ipv4-addr or url");
            return;
        }
        Shape common = table.common("sco");
        for (String name : properties) {
            if (!shape.properties().containsKey(name) && !common.properties().containsKey(name)
                    && !name.startsWith("x_")) {
                findings.warn("pattern-unknown-property", at, "the pattern names property '" + name + "' of " + type
                        + " objects, which STIX 2.1 does not define for them" + hint(name, shape.properties().keySet())
                        + "; a comparison on it can never match a standard " + type + " object");
            }
        }
    }

    private static String hint(String word, Iterable<String> known) {
        return Spelling.closest(word, known).map(w -> " (did you mean '" + w + "'?)").orElse("");
    }
}
