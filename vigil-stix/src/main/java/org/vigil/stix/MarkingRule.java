package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a marking-definition: the definition_type/definition pair of the STIX 2.1 style, the TLP 2.0
 * extension style, and that the well-known TLP ids carry exactly the content their level requires.
 */
final class MarkingRule {

    private final TypeTable table;
    private final Findings findings;

    MarkingRule(TypeTable table, Findings findings) {
        this.table = table;
        this.findings = findings;
    }

    void check(ObjectNode marking) {
        String id = marking.path("id").asText("");
        JsonNode tlp2 = marking.path("extensions").path(Tlp.TLP2_EXTENSION);
        if (!tlp2.isMissingNode()) {
            checkTlp2(id, marking, tlp2);
        } else {
            checkDefinition(marking);
        }
        Tlp tlp1 = Tlp.TLP1_IDS.get(id);
        if (tlp1 != null) {
            checkTlp1(marking, tlp1);
        } else if ("tlp".equals(marking.path("definition_type").asText())) {
            ownTlp1(marking);
        }
    }

    /** STIX 2.1 predefines the four TLP 1.0 markings and forbids other instances of tlp-marking. */
    private void ownTlp1(ObjectNode marking) {
        String level = marking.path("definition").path("tlp").asText("");
        String predefined = Tlp.TLP1_IDS.entrySet().stream()
                .filter(e -> level.equals(e.getValue() == Tlp.CLEAR ? "white" : e.getValue().label()))
                .map(e -> " (for TLP:" + level.toUpperCase() + ", " + e.getKey() + ")")
                .findFirst().orElse("");
        findings.error("tlp-definition", "/id", "a TLP 1.0 marking must be one of the four marking-definitions "
                + "that STIX 2.1 predefines" + predefined + "; reference the predefined one instead of defining "
                + "your own");
    }

    private void checkDefinition(ObjectNode marking) {
        JsonNode type = marking.get("definition_type");
        JsonNode definition = marking.get("definition");
        if (type == null || definition == null) {
            if (!marking.path("extensions").isEmpty()) {
                return; // STIX 2.1 lets an extension (TLP 2.0, PAP...) define the marking instead
            }
            findings.error("marking-definition", type == null ? "/definition_type" : "/definition",
                    "a marking-definition needs definition_type and definition, unless an extension (such as "
                            + "TLP 2.0's) defines the marking");
            return;
        }
        String shapeName = switch (type.asText()) {
            case "statement" -> "statement-marking";
            case "tlp" -> "tlp-marking";
            default -> null;
        };
        if (shapeName == null) {
            findings.warn("marking-definition-type", "/definition_type", "definition_type '" + type.asText()
                    + "' is not one STIX 2.1 defines (statement, tlp); readers may not understand it");
        } else if (definition.isObject()) {
            new ValueCheck(table, findings).checkShape(table.object(shapeName), (ObjectNode) definition,
                    "/definition", "marking-definition");
        }
    }

    private void checkTlp2(String id, ObjectNode marking, JsonNode extension) {
        String level = extension.path("tlp_2_0").asText("");
        Tlp known = Tlp.TLP2_IDS.get(id);
        Tlp stated = null;
        for (Tlp t : Tlp.values()) {
            if (t.label().equals(level)) {
                stated = t;
            }
        }
        String pointer = "/extensions/" + Tlp.TLP2_EXTENSION + "/tlp_2_0";
        if (stated == null) {
            findings.error("tlp-level", pointer, "tlp_2_0 '" + level + "' is not a TLP 2.0 level; use clear, green, "
                    + "amber, amber+strict or red");
        } else if (known != null && known != stated) {
            findings.error("tlp-definition", pointer, id + " is the TLP:" + known.label().toUpperCase()
                    + " marking, but it says tlp_2_0 '" + level + "'");
        }
        if (known != null && !Tlp.TLP2_CREATED.equals(marking.path("created").asText())) {
            findings.error("tlp-definition", "/created", "the TLP 2.0 marking-definitions were created "
                    + Tlp.TLP2_CREATED + "; this one must not differ");
        }
    }

    private void checkTlp1(ObjectNode marking, Tlp level) {
        String expected = level == Tlp.CLEAR ? "white" : level.label();
        if (!"tlp".equals(marking.path("definition_type").asText())
                || !expected.equals(marking.path("definition").path("tlp").asText())) {
            findings.error("tlp-definition", "/definition", marking.path("id").asText() + " is the predefined "
                    + "TLP:" + expected.toUpperCase() + " marking; its definition must be {\"tlp\": \"" + expected
                    + "\"} with definition_type tlp");
        }
        if (!Tlp.TLP1_CREATED.equals(marking.path("created").asText())) {
            findings.error("tlp-definition", "/created", "the predefined TLP 1.0 marking-definitions were created "
                    + Tlp.TLP1_CREATED + "; this one must not differ");
        }
    }
}
