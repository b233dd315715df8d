package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks that each granular-marking selector (such as {@code kill_chain_phases.[0].phase_name}) points at a
 * property or list item that the object really has.
 */
final class Selectors {

    private final Findings findings;
    private final ObjectNode root;

    Selectors(Findings findings, ObjectNode root) {
        this.findings = findings;
        this.root = root;
    }

    void check() {
        JsonNode markings = root.get("granular_markings");
        if (markings == null || !markings.isArray()) {
            return;
        }
        for (int m = 0; m < markings.size(); m++) {
            JsonNode selectors = markings.get(m).path("selectors");
            for (int s = 0; s < selectors.size(); s++) {
                JsonNode selector = selectors.get(s);
                if (selector.isTextual()) {
                    check(selector.textValue(), "/granular_markings/" + m + "/selectors/" + s);
                }
            }
        }
    }

    private void check(String selector, String pointer) {
        String problem = resolve(root, selector);
        if (problem != null) {
            findings.error("selector-unresolved", pointer, "selector '" + ValueCheck.abbreviate(selector)
                    + "' does not point at anything in this object: " + problem);
        }
    }

    /** Why the selector does not resolve against {@code root}, or null when it does. */
    static String resolve(JsonNode root, String selector) {
        if (selector.isEmpty()) {
            return "it is empty";
        }
        JsonNode here = root;
        for (String step : selector.split("\\.", -1)) {
            if (step.startsWith("[") && step.endsWith("]")) {
                int index = index(step);
                if (!here.isArray() || index < 0 || index >= here.size()) {
                    return "there is no item " + step + " at that point";
                }
                here = here.get(index);
            } else {
                if (!here.isObject() || !here.has(step)) {
                    return "there is no property '" + step + "' at that point";
                }
                here = here.get(step);
            }
        }
        return null;
    }

    private static int index(String step) {
        try {
            return Integer.parseInt(step.substring(1, step.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
