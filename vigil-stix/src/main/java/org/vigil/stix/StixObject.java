package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One STIX object (SDO, SRO, SCO, meta object or custom object) as an immutable JSON value. Every property,
 * known or not, is kept as it arrived, so serializing gives back the same JSON value.
 */
public final class StixObject {

    private final ObjectNode json;

    private StixObject(ObjectNode json) {
        this.json = json;
    }

    /** Takes ownership of {@code json}; callers inside this package must not change it afterwards. */
    static StixObject wrap(ObjectNode json) {
        return new StixObject(json);
    }

    /** An object from a JSON tree; the tree is copied, so later changes to it do not leak in. */
    public static StixObject of(ObjectNode json) {
        return new StixObject(json.deepCopy());
    }

    /** Starts building an object of the given type with the given id. */
    public static Builder builder(String type, String id) {
        return new Builder(type, id);
    }

    public String type() {
        return text("type");
    }

    public String id() {
        return text("id");
    }

    /** The spec_version property, or "2.1" for a cyber-observable that leaves it out (as 2.1 allows). */
    public String specVersion() {
        String v = text("spec_version");
        return v != null ? v : "2.1";
    }

    public Optional<String> created() {
        return Optional.ofNullable(text("created"));
    }

    public Optional<String> modified() {
        return Optional.ofNullable(text("modified"));
    }

    /** The version as TAXII sees it: modified, else created; empty for objects that have neither (SCOs). */
    public Optional<String> version() {
        String m = text("modified");
        return Optional.ofNullable(m != null ? m : text("created"));
    }

    public boolean has(String property) {
        return json.has(property);
    }

    /** A string property, or null when it is missing or not a string. */
    public String text(String property) {
        JsonNode n = json.get(property);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** The string items of a list property; non-string items are skipped. */
    public List<String> texts(String property) {
        JsonNode n = json.get(property);
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode item : n) {
                if (item.isTextual()) {
                    out.add(item.textValue());
                }
            }
        }
        return out;
    }

    /** A copy of one property's value. */
    public Optional<JsonNode> property(String name) {
        JsonNode n = json.get(name);
        return n == null ? Optional.empty() : Optional.of(n.deepCopy());
    }

    /** The property names, in their original order. */
    public List<String> propertyNames() {
        List<String> names = new ArrayList<>(json.size());
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /**
     * Hands every string value under the top-level properties {@code keep} accepts to {@code sink}, in document
     * order, descending into lists and nested objects; without copying the tree as {@link #json()} does.
     */
    public void forEachString(java.util.function.Predicate<String> keep, java.util.function.Consumer<String> sink) {
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> f = it.next();
            if (keep.test(f.getKey())) {
                strings(f.getValue(), sink);
            }
        }
    }

    private static void strings(JsonNode n, java.util.function.Consumer<String> sink) {
        if (n.isTextual()) {
            sink.accept(n.textValue());
        } else if (n.isContainerNode()) {
            for (JsonNode item : n) {
                strings(item, sink);
            }
        }
    }

    /** A copy of the whole JSON tree. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The tree itself, for readers inside this module that promise not to change it. */
    ObjectNode tree() {
        return json;
    }

    /** A new object with one property set (or replaced). */
    public StixObject with(String property, JsonNode value) {
        ObjectNode copy = json.deepCopy();
        copy.set(property, value.deepCopy());
        return new StixObject(copy);
    }

    /** A new object with one property set to a string. */
    public StixObject with(String property, String value) {
        ObjectNode copy = json.deepCopy();
        copy.put(property, value);
        return new StixObject(copy);
    }

    /** A new object without the given top-level properties. */
    public StixObject without(String... properties) {
        ObjectNode copy = json.deepCopy();
        copy.remove(List.of(properties));
        return new StixObject(copy);
    }

    /** Compact JSON, with properties in their original order. */
    public String toJson() {
        return StixJson.writeTree(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StixObject other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds objects in code (extraction, tests); properties keep the order they were put in. */
    public static final class Builder {
        private final ObjectNode json = StixJson.newObjectNode();

        private Builder(String type, String id) {
            json.put("type", Objects.requireNonNull(type, "type"));
            json.put("spec_version", "2.1");
            json.put("id", Objects.requireNonNull(id, "id"));
        }

        public Builder put(String property, String value) {
            if (value != null) {
                json.put(property, value);
            }
            return this;
        }

        public Builder put(String property, long value) {
            json.put(property, value);
            return this;
        }

        /** Sets a number; kept as the decimal the codec would read back, so built and parsed objects compare equal. */
        public Builder put(String property, double value) {
            json.put(property, java.math.BigDecimal.valueOf(value));
            return this;
        }

        public Builder put(String property, boolean value) {
            json.put(property, value);
            return this;
        }

        /** Sets a list of strings; an empty list is left out, since STIX forbids empty lists. */
        public Builder put(String property, List<String> values) {
            if (values != null && !values.isEmpty()) {
                ArrayNode array = json.putArray(property);
                values.forEach(array::add);
            }
            return this;
        }

        public Builder put(String property, JsonNode value) {
            if (value != null) {
                json.set(property, value.deepCopy());
            }
            return this;
        }

        public StixObject build() {
            return new StixObject(json.deepCopy());
        }
    }
}
