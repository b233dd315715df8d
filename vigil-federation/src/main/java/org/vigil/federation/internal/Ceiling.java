package org.vigil.federation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/** A feed's ceiling: the most restrictive TLP it lets in, judged on object and granular markings alike. */
public final class Ceiling {

    private Ceiling() {
    }

    /** The most restrictive TLP anywhere on the object, if it carries one. */
    public static Optional<Tlp> levelOf(StixObject object) {
        List<String> refs = new ArrayList<>(object.texts("object_marking_refs"));
        object.property("granular_markings").ifPresent(list -> {
            for (JsonNode g : list) {
                if (g.path("marking_ref").isTextual()) {
                    refs.add(g.path("marking_ref").asText());
                }
            }
        });
        return Tlp.mostRestrictiveOf(refs);
    }

    /** Whether an object is marked above the ceiling; an unmarked one is not (it takes the collection's default). */
    public static boolean above(StixObject object, Tlp ceiling) {
        return levelOf(object).map(level -> level.ordinal() > ceiling.ordinal()).orElse(false);
    }
}
