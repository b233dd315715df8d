package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.stix.pattern.Pattern;
import org.vigil.stix.pattern.PatternCheck;
import org.vigil.stix.pattern.PatternProblem;

/** An indicator whose pattern_type is stix must carry a pattern that parses and makes sense. */
final class PatternRule {

    private final Findings findings;

    PatternRule(Findings findings) {
        this.findings = findings;
    }

    void check(ObjectNode node, String property, String pointer) {
        JsonNode pattern = node.get(property);
        if (pattern == null || !pattern.isTextual() || !"stix".equals(node.path("pattern_type").asText())) {
            return;
        }
        PatternCheck check = Pattern.check(pattern.textValue());
        for (PatternProblem p : check.problems()) {
            findings.error("pattern-invalid", Findings.child(pointer, property), "the STIX pattern is invalid: "
                    + p.message());
        }
    }
}
