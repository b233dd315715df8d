package org.vigil.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.vigil.stix.Identifier;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * What extraction made of one article: its report, every object of the bundle (the report, the extracted
 * objects, the relationships and notes, Vigil's identity and the provenance extension-definition), its
 * quotes, the cleaned text that provenance offsets point into, and, for a near-duplicate, the earlier report.
 */
public record Extraction(StixObject report, List<StixObject> objects, List<Quote> quotes, String cleanedText,
                         Optional<Duplicate> duplicateOf) {

    public Extraction {
        objects = List.copyOf(objects);
        quotes = List.copyOf(quotes);
    }

    /** The objects of one STIX type, in bundle order. */
    public List<StixObject> objectsOfType(String type) {
        return objects.stream().filter(o -> o.type().equals(type)).toList();
    }

    /** The STIX 2.1 bundle of all objects; its id follows from the report's, so it is stable too. */
    public ObjectNode bundle() {
        ObjectNode bundle = StixJson.newObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", Identifier.deterministic("bundle", Provenance.NAMESPACE, report.id()));
        ArrayNode list = bundle.putArray("objects");
        objects.forEach(o -> list.add(o.json()));
        return bundle;
    }

    /** The bundle as compact JSON. */
    public String bundleJson() {
        return bundle().toString();
    }
}
